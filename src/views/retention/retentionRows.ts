import type { Table } from 'apache-arrow';
import { isoDate, mapRows, num } from '../../engine/arrowRows';
import { isoDateOrNull, numOrNull } from '../common/rows';

/** One observed cell of a retention triangle (the columns of retentionQueries' RETENTION_COLUMNS). */
export interface RetentionRow {
  cohortStart: string;
  periodNumber: number;
  periodStart: string;
  /** Users or accounts in the cohort. */
  cohortSize: number;
  /** What is retained: a count of users or accounts, or MRR. */
  active: number;
  /** What it is a share of: the cohort size, or the cohort's MRR in its first month. */
  base: number;
  /** 100 x active / base; null when the base is 0 (a ratio over nothing is n/a). */
  rate: number | null;
  isPartial: boolean;
}

export function retentionRowsFromTable(table: Table): RetentionRow[] {
  return mapRows(table, (r) => ({
    cohortStart: isoDate(r.cohort_start),
    periodNumber: num(r.period_number),
    periodStart: isoDate(r.period_start),
    cohortSize: num(r.cohort_size),
    active: num(r.active),
    base: num(r.base),
    rate: numOrNull(r.rate),
    isPartial: Boolean(r.is_partial),
  }));
}

/** A user or account listed by the drill-down. */
export interface DrilldownRow {
  id: string;
  /** The user's account, or the account's company. */
  owner: string | null;
  /** The user's platform, or the account's current tier. */
  kind: string | null;
  region: string | null;
  firstActive: string;
  lastActive: string;
  /** MRR at the period's end (accounts only). */
  mrr: number | null;
  active: boolean;
}

export function drilldownRowsFromTable(table: Table): DrilldownRow[] {
  const names = new Set(table.schema.fields.map((f) => f.name));
  const users = names.has('user_id');
  return mapRows(table, (r) => ({
    id: String(users ? r.user_id : r.customer_id),
    owner: users ? (r.customer_id as string | null) : (r.company_name as string | null),
    kind: users ? (r.platform as string | null) : (r.current_tier as string | null),
    region: users ? null : (r.region as string | null),
    firstActive: isoDateOrNull(users ? r.first_active : r.first_paid) ?? '',
    lastActive: isoDateOrNull(users ? r.last_active : r.last_paid) ?? '',
    mrr: users ? null : numOrNull(r.mrr),
    active: Boolean(r.active),
  }));
}
