import { float64Column, int32Column, int8Column, timestampColumn, toIpcStream, type Column } from './arrow/columns';
import { CHANNELS, EVENT_TYPES, PLATFORMS } from './vocabulary';

/**
 * Dirty spellings a careless export produces (story 9): they sit in the dictionaries after
 * the clean values, so making a value dirty is only a change of index.
 */
export const DIRTY_EVENT_TYPES = ['Report_View ', ' API_CALL', 'Miles_Earned', 'like ', 'qa_test_ping'] as const;
/** An internal test event that leaked into the export: no cleaning can make it a real event. */
export const JUNK_EVENT_TYPE = EVENT_TYPES.length + DIRTY_EVENT_TYPES.indexOf('qa_test_ping');
export const DIRTY_PLATFORMS = ['ios', ' Android', 'WEB '] as const;
export const DIRTY_SOURCES = ['Organic ', 'PAID'] as const;

export const EVENT_TYPE_LABELS: readonly string[] = [...EVENT_TYPES, ...DIRTY_EVENT_TYPES];
export const PLATFORM_LABELS: readonly string[] = [...PLATFORMS.labels, ...DIRTY_PLATFORMS];
export const SOURCE_LABELS: readonly string[] = [...CHANNELS.labels, ...DIRTY_SOURCES];

/** Nulls of the nullable int8 columns are stored as -1 while filling. */
function validityOf(values: Int8Array): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! < 0) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { bitmap, nullCount };
}

function clampNulls(values: Int8Array): Int8Array {
  for (let i = 0; i < values.length; i++) if (values[i]! < 0) values[i] = 0;
  return values;
}

/**
 * Column buffers for one chunk of events: plain typed arrays written by index in the hot
 * loop (call `reserve` first); no object is created per event.
 */
export class EventChunkBuilder {
  n = 0;
  private capacity: number;
  eventId: Int32Array;
  /** Global user number (user_id = U + number + 1) and account index (customer_id = C + index + 1). */
  user: Int32Array;
  account: Int32Array;
  timeMs: Float64Array;
  receivedMs: Float64Array;
  eventType: Int8Array;
  platform: Int8Array;
  utmSource: Int8Array;
  /** -1 = NULL. */
  country: Int8Array;
  miles: Int32Array;
  /** -1 = NULL (then miles_amount is NULL too). */
  category: Int8Array;
  adoption: Float64Array;

  constructor(capacity = 1 << 17) {
    this.capacity = capacity;
    this.eventId = new Int32Array(capacity);
    this.user = new Int32Array(capacity);
    this.account = new Int32Array(capacity);
    this.timeMs = new Float64Array(capacity);
    this.receivedMs = new Float64Array(capacity);
    this.eventType = new Int8Array(capacity);
    this.platform = new Int8Array(capacity);
    this.utmSource = new Int8Array(capacity);
    this.country = new Int8Array(capacity);
    this.miles = new Int32Array(capacity);
    this.category = new Int8Array(capacity);
    this.adoption = new Float64Array(capacity);
  }

  get length(): number {
    return this.n;
  }

  /** Empties the chunk, keeping its buffers for the next one. */
  clear(): void {
    this.n = 0;
  }

  /** Makes room for `rows` more rows. */
  reserve(rows: number): void {
    if (this.n + rows <= this.capacity) return;
    let next = this.capacity * 2;
    while (next < this.n + rows) next *= 2;
    const grow = <T extends Int8Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(next);
      b.set(a as never);
      return b;
    };
    this.eventId = grow(this.eventId);
    this.user = grow(this.user);
    this.account = grow(this.account);
    this.timeMs = grow(this.timeMs);
    this.receivedMs = grow(this.receivedMs);
    this.eventType = grow(this.eventType);
    this.platform = grow(this.platform);
    this.utmSource = grow(this.utmSource);
    this.country = grow(this.country);
    this.miles = grow(this.miles);
    this.category = grow(this.category);
    this.adoption = grow(this.adoption);
    this.capacity = next;
  }

  /** Appends a copy of row `i` (an exact re-send, same event_id). Needs one reserved row. */
  duplicate(i: number): void {
    const j = this.n++;
    this.eventId[j] = this.eventId[i]!;
    this.user[j] = this.user[i]!;
    this.account[j] = this.account[i]!;
    this.timeMs[j] = this.timeMs[i]!;
    this.receivedMs[j] = this.receivedMs[i]!;
    this.eventType[j] = this.eventType[i]!;
    this.platform[j] = this.platform[i]!;
    this.utmSource[j] = this.utmSource[i]!;
    this.country[j] = this.country[i]!;
    this.miles[j] = this.miles[i]!;
    this.category[j] = this.category[i]!;
    this.adoption[j] = this.adoption[i]!;
  }

  /**
   * Arrow IPC of the chunk in the stored, encoded form (see eventsView.ts): numbers and
   * small codes only. DuckDB inserts such columns about three times as fast as dictionary
   * strings, and holds them in a third of the memory.
   */
  toIpc(): Uint8Array {
    const n = this.n;
    // Views, not copies: the IPC writer copies every buffer into its output anyway.
    const category = this.category.subarray(0, n);
    const categoryValidity = validityOf(category);
    const country = this.country.subarray(0, n);
    const countryValidity = validityOf(country);
    const columns: Column[] = [
      int32Column('event_id', this.eventId.subarray(0, n)),
      int32Column('user_number', this.user.subarray(0, n)),
      int32Column('customer_number', this.account.subarray(0, n)),
      timestampColumn('event_time', this.timeMs.subarray(0, n)),
      int8Column('event_type_code', this.eventType.subarray(0, n)),
      int8Column('platform_code', this.platform.subarray(0, n)),
      int8Column('utm_source_code', this.utmSource.subarray(0, n)),
      int8Column('country_code', clampNulls(country), countryValidity),
      int32Column('miles_amount', this.miles.subarray(0, n), categoryValidity),
      int8Column('transaction_category_code', clampNulls(category), categoryValidity),
      float64Column('feature_adoption_score', this.adoption.subarray(0, n)),
      timestampColumn('received_at', this.receivedMs.subarray(0, n)),
    ];
    return toIpcStream(columns);
  }
}
