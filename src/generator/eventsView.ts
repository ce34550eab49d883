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
 * The decoding view. user_id and customer_id follow userIdOf and customerIdOf. They are
 * formatted per row rather than joined from a table of ids: a join here let DuckDB's join
 * planner build its hash table on the events (once a query also joins run_params), which
 * tripled the memory staging needs.
 */
export function eventsViewSql(): string {
  return `CREATE OR REPLACE VIEW events AS SELECT
  event_id,
  printf('U%07d', user_number + 1) AS user_id,
  printf('C%06d', customer_number + 1) AS customer_id,
  event_time,
  ${labels(EVENT_TYPE_LABELS)}[event_type_code + 1] AS event_type,
  ${labels(PLATFORM_LABELS)}[platform_code + 1] AS platform,
  ${labels(SOURCE_LABELS)}[utm_source_code + 1] AS utm_source,
  ${labels(COUNTRIES)}[country_code + 1] AS country,
  miles_amount,
  ${labels(TRANSACTION_CATEGORIES)}[transaction_category_code + 1] AS transaction_category,
  feature_adoption_score,
  received_at
FROM ${EVENTS_STORAGE_TABLE} AS e`;
}
