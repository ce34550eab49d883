import { quoteLiteral } from '../engine/connector';
import { EVENT_TYPE_LABELS, PLATFORM_LABELS, SOURCE_LABELS } from './eventColumns';
import { RAW_STORAGE } from './rawTables';
import { COUNTRIES, TRANSACTION_CATEGORIES } from './vocabulary';

/**
 * Raw events are stored encoded (integer user and account numbers, one-byte codes for the
 * categorical columns) in EVENTS_STORAGE_TABLE, and read through a view named `events` that
 * decodes them into exactly the raw table of domain.md, dirty spellings included. Loading
 * numbers is about three times as fast as loading strings and the stored table takes a third
 * of the memory, which is what lets the large preset fit in the browser.
 */
export const EVENTS_STORAGE_TABLE = RAW_STORAGE.events!;

const labels = (values: readonly string[]) => `[${values.map(quoteLiteral).join(', ')}]`;

/**
 * The decoding view. user_id and customer_id follow userIdOf and customerIdOf; they are
 * formatted once per user and account and joined in, which is ten times cheaper than
 * formatting them per event.
 */
export function eventsViewSql(): string {
  const ids = (column: string, format: string) =>
    `(SELECT CAST(i AS INTEGER) AS ${column}_number, printf('${format}', i + 1) AS ${column}_id FROM range((SELECT coalesce(max(${column}_number) + 1, 0) FROM ${EVENTS_STORAGE_TABLE})) AS r(i))`;
  return `CREATE OR REPLACE VIEW events AS SELECT
  event_id,
  u.user_id,
  c.customer_id,
  event_time,
  ${labels(EVENT_TYPE_LABELS)}[event_type_code + 1] AS event_type,
  ${labels(PLATFORM_LABELS)}[platform_code + 1] AS platform,
  ${labels(SOURCE_LABELS)}[utm_source_code + 1] AS utm_source,
  ${labels(COUNTRIES)}[country_code + 1] AS country,
  miles_amount,
  ${labels(TRANSACTION_CATEGORIES)}[transaction_category_code + 1] AS transaction_category,
  feature_adoption_score,
  received_at
FROM ${EVENTS_STORAGE_TABLE} AS e
JOIN ${ids('user', 'U%07d')} AS u USING (user_number)
JOIN ${ids('customer', 'C%06d')} AS c USING (customer_number)`;
}
