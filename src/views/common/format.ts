import { formatCount, formatMultiple, formatPercent } from '../../format/numbers';
import type { Grain } from '../../state/filtersSlice';

/**
 * The growth, miles and funnel views' display helpers, on top of the formats every view shares
 * (src/format/numbers.ts), so a figure reads the same everywhere: n/a for a missing value or
 * a ratio over 0 (metrics.md), never 0.
 */

export function formatInt(value: number | null): string {
  // -0 (a negated zero count) would print as "-0".
  return formatCount(value === null ? null : value + 0);
}

/** A percentage already scaled to 0-100, as the seed 002 marts store them. */
export function formatPct(value: number | null, digits = 1): string {
  return formatPercent(value === null ? null : value / 100, digits);
}

/** A share in 0-1 shown as a percentage. */
export function formatShare(value: number | null, digits = 1): string {
  return formatPercent(value, digits);
}

/** A ratio such as the quick ratio: 1.25×. */
export function formatRatio(value: number | null, digits = 2): string {
  return formatMultiple(value, digits);
}

/** The label of a period starting on `isoStart` (an ISO date) at a grain: 2024-03, 2024-03-04 (week of), 2024-03-05. */
export function periodLabel(isoStart: string, grain: Grain): string {
  return grain === 'month' ? isoStart.slice(0, 7) : isoStart;
}

/** Column header of the period column at a grain. */
export function periodHeading(grain: Grain): string {
  return grain === 'month' ? 'Month' : grain === 'week' ? 'Week (Monday)' : 'Day';
}
