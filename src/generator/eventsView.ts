import { type Connector, quoteLiteral } from '../engine/connector';
import { mapRows, num } from '../engine/arrowRows';
import { ACCOUNTS_PER_GROUP } from './groups';
import { EVENT_TYPE_LABELS, PLATFORM_LABELS, SOURCE_LABELS } from './eventColumns';
import { RAW_STORAGE } from './rawTables';
import { COUNTRIES, TRANSACTION_CATEGORIES } from './vocabulary';

/**
 * Raw events are stored encoded (integer user and account numbers, one-byte codes for the
 * categorical columns, the adoption score in thousandths, received_at as a lag after
 * event_time) in EVENTS_STORAGE_TABLE, and read through a view named `events` that
 * decodes them into exactly the raw table of domain.md, dirty spellings included. Loading
 * numbers is about three times as fast as loading strings and the stored table takes a third
 * of the memory, which is what lets the large preset fit in the browser.
 */
export const EVENTS_STORAGE_TABLE = RAW_STORAGE.events!;

const labels = (values: readonly string[]) => `[${values.map(quoteLiteral).join(', ')}]`;

/**
 * Event ids start at 1 in every group of accounts (see dataset.ts, so that groups can be
 * generated side by side); the view adds the ids of all earlier groups. `offsets[g]` is that
 * sum for group g, from the largest local id of each group (`groupOffsets`).
 *
 * The decoding view. user_id and customer_id follow userIdOf and customerIdOf. They are
 * formatted per row rather than joined from a table of ids: a join here let DuckDB's join
 * planner build its hash table on the events (once a query also joins run_params), which
 * tripled the memory staging needs.
 */
export function eventsViewSql(offsets: readonly number[]): string {
  // One group (tiny and custom small runs) needs no offset; a list indexed per row otherwise,
  // like the labels: cheaper than a join (see above).
  const eventId = offsets.length <= 1 ? 'event_id' : `event_id + [${offsets.join(', ')}][customer_number // ${ACCOUNTS_PER_GROUP} + 1]`;
  return `CREATE OR REPLACE VIEW events AS SELECT
  ${eventId} AS event_id,
  printf('U%07d', user_number + 1) AS user_id,
  printf('C%06d', customer_number + 1) AS customer_id,
  event_time,
  ${labels(EVENT_TYPE_LABELS)}[event_type_code + 1] AS event_type,
  ${labels(PLATFORM_LABELS)}[platform_code + 1] AS platform,
  ${labels(SOURCE_LABELS)}[utm_source_code + 1] AS utm_source,
  ${labels(COUNTRIES)}[country_code + 1] AS country,
  miles_amount,
  ${labels(TRANSACTION_CATEGORIES)}[transaction_category_code + 1] AS transaction_category,
  adoption_milli::DOUBLE / 1000 AS feature_adoption_score,
  event_time + to_milliseconds(received_lag_ms) AS received_at
FROM ${EVENTS_STORAGE_TABLE} AS e`;
}

/** Offsets of the groups' event ids from the largest local id of each group (a group without events adds none). */
export function groupOffsets(largestIdByGroup: ReadonlyMap<number, number>): number[] {
  const groups = Math.max(0, ...largestIdByGroup.keys()) + 1;
  const offsets: number[] = [];
  let sum = 0;
  for (let g = 0; g < groups; g++) {
    offsets.push(sum);
    sum += largestIdByGroup.get(g) ?? 0;
  }
  return offsets;
}

/** Creates the events view over the stored rows, reading the groups' largest ids from them. */
export async function createEventsView(connector: Connector): Promise<void> {
  const largest = await connector.query(`SELECT customer_number // ${ACCOUNTS_PER_GROUP} AS g, max(event_id) AS m FROM ${EVENTS_STORAGE_TABLE} GROUP BY g`);
  const offsets = groupOffsets(new Map(mapRows(largest, (r) => [num(r.g), num(r.m)] as const)));
  await connector.exec(eventsViewSql(offsets));
}
