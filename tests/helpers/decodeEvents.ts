import { customerIdOf } from '../../src/generator/accounts';
import { EVENT_TYPE_LABELS, PLATFORM_LABELS, SOURCE_LABELS } from '../../src/generator/eventColumns';
import { userIdOf } from '../../src/generator/users';
import { COUNTRIES, TRANSACTION_CATEGORIES } from '../../src/generator/vocabulary';

const label = (labels: readonly string[], code: unknown) => (code === null ? null : labels[Number(code)]);

/** Events are stored encoded (see eventsView.ts): the raw columns, decoded here in JavaScript. */
export function decodeEvent(e: Record<string, unknown>): Record<string, unknown> {
  return {
    event_id: e.event_id,
    user_id: userIdOf(Number(e.user_number)),
    customer_id: customerIdOf(Number(e.customer_number)),
    event_time: e.event_time,
    event_type: label(EVENT_TYPE_LABELS, e.event_type_code),
    platform: label(PLATFORM_LABELS, e.platform_code),
    utm_source: label(SOURCE_LABELS, e.utm_source_code),
    country: label(COUNTRIES, e.country_code),
    miles_amount: e.miles_amount,
    transaction_category: label(TRANSACTION_CATEGORIES, e.transaction_category_code),
    // Stored in thousandths, and as a lag in ms after event_time (epoch ms here).
    feature_adoption_score: Number(e.adoption_milli) / 1000,
    received_at: Number(e.event_time) + Number(e.received_lag_ms),
  };
}

