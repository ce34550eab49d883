import { Field, Int16, Int32, Int8, Schema, TimestampMicrosecond } from 'apache-arrow';
import { type FixedWidthColumn, schemaFrame, writeBatchStream } from './arrow/batchStream';
import { writeEpochMicros } from './arrow/columns';
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

/**
 * The stored, encoded form of the events (see eventsView.ts): numbers and small codes only.
 * received_at is stored as its lag after event_time (int32 ms) and the adoption score in
 * thousandths (int16): 35 bytes a row instead of 45, less to write and to copy, and DuckDB
 * inserts an int16 about twice as fast as a double.
 */
const EVENTS_SCHEMA = new Schema(
  (
    [
      ['event_id', new Int32()],
      ['user_number', new Int32()],
      ['customer_number', new Int32()],
      ['event_time', new TimestampMicrosecond()],
      ['event_type_code', new Int8()],
      ['platform_code', new Int8()],
      ['utm_source_code', new Int8()],
      ['country_code', new Int8()],
      ['miles_amount', new Int32()],
      ['transaction_category_code', new Int8()],
      ['adoption_milli', new Int16()],
      ['received_lag_ms', new Int32()],
    ] as const
  ).map(([name, type]) => new Field(name, type, true)),
);
const EVENTS_SCHEMA_FRAME = schemaFrame(EVENTS_SCHEMA);

/** A column copied as it is (the values' bytes). */
function plain(values: Int8Array | Int16Array | Int32Array, rows: number, validity?: FixedWidthColumn): FixedWidthColumn {
  const bytes = rows * values.BYTES_PER_ELEMENT;
  return {
    nullCount: validity?.nullCount ?? 0,
    writeValidity: validity?.writeValidity ?? (() => undefined),
    valueBytes: bytes,
    writeValues: (out, offset) => out.set(new Uint8Array(values.buffer, values.byteOffset, bytes), offset),
  };
}

/** Epoch milliseconds → TIMESTAMP (microseconds), written as int64 words: no BigInt per row. */
function timestamp(epochMs: Float64Array, rows: number): FixedWidthColumn {
  return {
    nullCount: 0,
    writeValidity: () => undefined,
    valueBytes: rows * 8,
    writeValues: (out, offset) => writeEpochMicros(epochMs, rows, new Int32Array(out.buffer, out.byteOffset + offset, rows * 2)),
  };
}

/** An int8 code column whose -1 means NULL: a validity bitmap, and 0 in the null slots. */
function nullableCode(values: Int8Array, rows: number): FixedWidthColumn {
  let nullCount = 0;
  for (let i = 0; i < rows; i++) if (values[i]! < 0) nullCount++;
  return {
    nullCount,
    writeValidity: (out, offset) => {
      for (let i = 0; i < rows; i++) if (values[i]! >= 0) out[offset + (i >> 3)]! |= 1 << (i & 7);
    },
    valueBytes: rows,
    writeValues: (out, offset) => {
      for (let i = 0; i < rows; i++) out[offset + i] = values[i]! < 0 ? 0 : values[i]!;
    },
  };
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
  /** received_at - event_time, ms. */
  receivedLagMs: Int32Array;
  eventType: Int8Array;
  platform: Int8Array;
  utmSource: Int8Array;
  /** -1 = NULL. */
  country: Int8Array;
  miles: Int32Array;
  /** -1 = NULL (then miles_amount is NULL too). */
  category: Int8Array;
  /** feature_adoption_score in thousandths (0..1000). */
  adoptionMilli: Int16Array;

  constructor(capacity = 1 << 17) {
    this.capacity = capacity;
    this.eventId = new Int32Array(capacity);
    this.user = new Int32Array(capacity);
    this.account = new Int32Array(capacity);
    this.timeMs = new Float64Array(capacity);
    this.receivedLagMs = new Int32Array(capacity);
    this.eventType = new Int8Array(capacity);
    this.platform = new Int8Array(capacity);
    this.utmSource = new Int8Array(capacity);
    this.country = new Int8Array(capacity);
    this.miles = new Int32Array(capacity);
    this.category = new Int8Array(capacity);
    this.adoptionMilli = new Int16Array(capacity);
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
    const grow = <T extends Int8Array | Int16Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(next);
      b.set(a as never);
      return b;
    };
    this.eventId = grow(this.eventId);
    this.user = grow(this.user);
    this.account = grow(this.account);
    this.timeMs = grow(this.timeMs);
    this.receivedLagMs = grow(this.receivedLagMs);
    this.eventType = grow(this.eventType);
    this.platform = grow(this.platform);
    this.utmSource = grow(this.utmSource);
    this.country = grow(this.country);
    this.miles = grow(this.miles);
    this.category = grow(this.category);
    this.adoptionMilli = grow(this.adoptionMilli);
    this.capacity = next;
  }

  /** Appends a copy of row `i` (an exact re-send, same event_id). Needs one reserved row. */
  duplicate(i: number): void {
    const j = this.n++;
    this.eventId[j] = this.eventId[i]!;
    this.user[j] = this.user[i]!;
    this.account[j] = this.account[i]!;
    this.timeMs[j] = this.timeMs[i]!;
    this.receivedLagMs[j] = this.receivedLagMs[i]!;
    this.eventType[j] = this.eventType[i]!;
    this.platform[j] = this.platform[i]!;
    this.utmSource[j] = this.utmSource[i]!;
    this.country[j] = this.country[i]!;
    this.miles[j] = this.miles[i]!;
    this.category[j] = this.category[i]!;
    this.adoptionMilli[j] = this.adoptionMilli[i]!;
  }

  /**
   * Arrow IPC of the chunk in the stored, encoded form (see eventsView.ts): numbers and
   * small codes only. DuckDB inserts such columns about three times as fast as dictionary
   * strings, and holds them in a third of the memory. Written in one pass (batchStream.ts).
   */
  toIpc(): Uint8Array {
    const n = this.n;
    const category = nullableCode(this.category, n);
    return writeBatchStream(EVENTS_SCHEMA_FRAME, n, [
      plain(this.eventId, n),
      plain(this.user, n),
      plain(this.account, n),
      timestamp(this.timeMs, n),
      plain(this.eventType, n),
      plain(this.platform, n),
      plain(this.utmSource, n),
      nullableCode(this.country, n),
      // miles_amount is NULL exactly where the category is.
      plain(this.miles, n, category),
      category,
      plain(this.adoptionMilli, n),
      plain(this.receivedLagMs, n),
    ]);
  }
}
