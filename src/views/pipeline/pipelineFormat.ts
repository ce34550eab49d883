import { formatCount } from '../../format/numbers';

/** A build time in milliseconds as the table shows it (whole ms); n/a when the model has not run. */
export function formatDuration(ms: number | null): string {
  return ms === null ? 'n/a' : `${formatCount(ms)} ms`;
}

export function formatRows(rows: number | null): string {
  return formatCount(rows);
}
