import type { Table } from 'apache-arrow';
import { mapRows, num } from '../../engine/arrowRows';
import { CHECK_RESULTS_TABLE, type CheckStatus } from '../../pipeline/runner';

/** One data-quality check's result, as the runner stored it in dq_results. */
export interface CheckRow {
  name: string;
  model: string | null;
  severity: string;
  status: CheckStatus;
  failingRows: number;
  /** Up to five offending rows, as a JSON array of objects. */
  sample: string;
  durationMs: number;
}

export const CHECK_STATUSES: readonly CheckStatus[] = ['fail', 'warn', 'pass'];

export const checkResultsSql = () => `SELECT check_name, model, severity, status, failing_rows, sample, duration_ms
FROM ${CHECK_RESULTS_TABLE}
ORDER BY check_name`;

export function checkRowsFromTable(table: Table): CheckRow[] {
  return mapRows(table, (r) => {
    const status = String(r.status);
    if (!(CHECK_STATUSES as readonly string[]).includes(status)) throw new Error(`unknown check status "${status}"`);
    return {
      name: String(r.check_name),
      model: r.model === null || r.model === undefined ? null : String(r.model),
      severity: String(r.severity),
      status: status as CheckStatus,
      failingRows: num(r.failing_rows),
      sample: String(r.sample ?? '[]'),
      durationMs: num(r.duration_ms),
    };
  });
}
