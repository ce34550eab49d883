import { dictColumn, float64Column, int32Column, timestampColumn, toIpcStream, type Column } from './arrow/columns';
import { Growable, GrowableValidity } from './arrow/growable';
import { CHANNELS, COUNTRIES, EVENT_TYPES, PLATFORMS, TRANSACTION_CATEGORIES } from './vocabulary';

/**
 * Dirty spellings a careless export produces (story 9): they sit in the dictionaries after
 * the clean values, so making a value dirty is only a change of index.
 */
export const DIRTY_EVENT_TYPES = ['Report_View ', ' API_CALL', 'Miles_Earned', 'like '] as const;
export const DIRTY_PLATFORMS = ['ios', ' Android', 'WEB '] as const;
export const DIRTY_SOURCES = ['Organic ', 'PAID'] as const;

export const EVENT_TYPE_LABELS: readonly string[] = [...EVENT_TYPES, ...DIRTY_EVENT_TYPES];
export const PLATFORM_LABELS: readonly string[] = [...PLATFORMS.labels, ...DIRTY_PLATFORMS];
export const SOURCE_LABELS: readonly string[] = [...CHANNELS.labels, ...DIRTY_SOURCES];

/**
 * Column buffers for one chunk of events. Rows are appended field by field into typed
 * arrays; no object is created per event.
 */
export class EventChunkBuilder {
  readonly eventId = new Growable(Int32Array, 1 << 16);
  readonly user = new Growable(Int32Array, 1 << 16);
  readonly account = new Growable(Int32Array, 1 << 16);
  readonly timeMs = new Growable(Float64Array, 1 << 16);
  readonly receivedMs = new Growable(Float64Array, 1 << 16);
  readonly eventType = new Growable(Int8Array, 1 << 16);
  readonly platform = new Growable(Int8Array, 1 << 16);
  readonly utmSource = new Growable(Int8Array, 1 << 16);
  readonly country = new Growable(Int8Array, 1 << 16);
  readonly countryValid = new GrowableValidity();
  readonly miles = new Growable(Int32Array, 1 << 16);
  readonly milesValid = new GrowableValidity();
  readonly category = new Growable(Int8Array, 1 << 16);
  readonly categoryValid = new GrowableValidity();
  readonly adoption = new Growable(Float64Array, 1 << 16);

  get length(): number {
    return this.eventId.length;
  }

  /** Appends a copy of row `i` (an exact re-send, same event_id). */
  duplicate(i: number): void {
    this.eventId.push(this.eventId.at(i));
    this.user.push(this.user.at(i));
    this.account.push(this.account.at(i));
    this.timeMs.push(this.timeMs.at(i));
    this.receivedMs.push(this.receivedMs.at(i));
    this.eventType.push(this.eventType.at(i));
    this.platform.push(this.platform.at(i));
    this.utmSource.push(this.utmSource.at(i));
    this.country.push(this.country.at(i));
    this.countryValid.push(this.countryValid.at(i));
    this.miles.push(this.miles.at(i));
    this.milesValid.push(this.milesValid.at(i));
    this.category.push(this.category.at(i));
    this.categoryValid.push(this.categoryValid.at(i));
    this.adoption.push(this.adoption.at(i));
  }

  /** Arrow IPC of the chunk; `userIds` and `customerIds` are the chunk's dictionaries. */
  toIpc(userIds: readonly string[], customerIds: readonly string[]): Uint8Array {
    const columns: Column[] = [
      int32Column('event_id', this.eventId.take()),
      dictColumn('user_id', 0, userIds, this.user.take()),
      dictColumn('customer_id', 1, customerIds, this.account.take()),
      timestampColumn('event_time', this.timeMs.take()),
      dictColumn('event_type', 2, EVENT_TYPE_LABELS, this.eventType.take()),
      dictColumn('platform', 3, PLATFORM_LABELS, this.platform.take()),
      dictColumn('utm_source', 4, SOURCE_LABELS, this.utmSource.take()),
      dictColumn('country', 5, COUNTRIES, this.country.take(), this.countryValid.take()),
      int32Column('miles_amount', this.miles.take(), this.milesValid.take()),
      dictColumn('transaction_category', 6, TRANSACTION_CATEGORIES, this.category.take(), this.categoryValid.take()),
      float64Column('feature_adoption_score', this.adoption.take()),
      timestampColumn('received_at', this.receivedMs.take()),
    ];
    return toIpcStream(columns);
  }
}
