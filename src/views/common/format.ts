import type { Grain } from '../../state/filtersSlice';

/** Display helpers shared by the views' charts and data tables (metrics.md: a ratio over 0 is "n/a", never 0). */

export function formatInt(value: number | null): string {
  return value === null ? 'n/a' : Math.round(value).toLocaleString('en-US');
}

/** A percentage already scaled to 0-100. */
export function formatPct(value: number | null, digits = 1): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(digits)} %`;
}

/** A share in 0-1 shown as a percentage. */
export function formatShare(value: number | null, digits = 1): string {
  return value === null ? 'n/a' : formatPct(value * 100, digits);
}

export function formatRatio(value: number | null, digits = 2): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

/** The label of a period starting on `isoStart` (an ISO date) at a grain: 2024-03, 2024-03-04 (week of), 2024-03-05. */
export function periodLabel(isoStart: string, grain: Grain): string {
  return grain === 'month' ? isoStart.slice(0, 7) : isoStart;
}

/** Column header of the period column at a grain. */
export function periodHeading(grain: Grain): string {
  return grain === 'month' ? 'Month' : grain === 'week' ? 'Week (Monday)' : 'Day';
}
