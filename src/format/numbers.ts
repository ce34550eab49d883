/**
 * The number formats every view shares, so a figure reads the same on a tile, in a tooltip
 * and in a data table. All are en-US (the data is in USD). A missing value (null, or a ratio
 * whose denominator was 0, which SQL returns as NULL) reads "n/a", never 0 (metrics.md).
 */

export const NOT_AVAILABLE = 'n/a';

const isMissing = (value: number | null | undefined): value is null | undefined => value === null || value === undefined || Number.isNaN(value);

const currencyFormats = new Map<string, Intl.NumberFormat>();
function currencyFormat(digits: number, compact: boolean): Intl.NumberFormat {
  const key = `${digits}|${compact}`;
  let format = currencyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      notation: compact ? 'compact' : 'standard',
      minimumFractionDigits: compact ? 0 : digits,
      maximumFractionDigits: digits,
    });
    currencyFormats.set(key, format);
  }
  return format;
}

/**
 * USD: `$12,345` (whole dollars by default), `$12,345.67` with `cents`, `$1.2M` compact (for
 * axes and tiles, where the exact cents would only add noise).
 */
export function formatCurrency(value: number | null | undefined, options: { cents?: boolean; compact?: boolean } = {}): string {
  if (isMissing(value)) return NOT_AVAILABLE;
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (options.compact) return currencyFormat(Math.abs(value) >= 1000 ? 1 : 0, true).format(value);
  return currencyFormat(options.cents ? 2 : 0, false).format(value);
}

/** A ratio (0.153) as a percentage (`15.3 %`); `digits` decimals. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (isMissing(ratio)) return NOT_AVAILABLE;
  if (!Number.isFinite(ratio)) return ratio > 0 ? '∞' : '-∞';
  return `${(ratio * 100).toFixed(digits)} %`;
}

/** A count with thousands separators (`12,345`); fractions are rounded. */
export function formatCount(value: number | null | undefined): string {
  if (isMissing(value)) return NOT_AVAILABLE;
  return Math.round(value).toLocaleString('en-US');
}

/**
 * A multiple such as a quick ratio (`1.85×`). A ratio over a zero denominator is NULL in SQL
 * and reads n/a; Infinity (computed in JavaScript) reads ∞.
 */
export function formatMultiple(value: number | null | undefined, digits = 2): string {
  if (isMissing(value)) return NOT_AVAILABLE;
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  return `${value.toFixed(digits)}×`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO date's month as `Nov 2025`. */
export function formatMonth(isoDate: string): string {
  const year = isoDate.slice(0, 4);
  const month = Number(isoDate.slice(5, 7));
  const name = MONTHS[month - 1];
  if (!/^\d{4}$/.test(year) || name === undefined) throw new Error(`not an ISO date: "${isoDate}"`);
  return `${name} ${year}`;
}

/** How a change between two periods is read: relative for amounts, in points for rates. */
export type ChangeKind = 'relative' | 'points' | 'multiple';

/**
 * The change from `previous` to `current`, signed: `+4.2 %` (relative change of an amount or
 * count), `-1.3 pp` (percentage points, for rates, whose relative change would mislead) or
 * `+0.12×` (a multiple's difference). n/a when either side is missing or, for a relative
 * change, when the previous value is 0.
 */
export function formatChange(current: number | null | undefined, previous: number | null | undefined, kind: ChangeKind): string {
  const delta = changeValue(current, previous, kind);
  if (delta === null) return NOT_AVAILABLE;
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '±';
  const size = Math.abs(delta);
  if (kind === 'relative') return `${sign}${(size * 100).toFixed(1)} %`;
  if (kind === 'points') return `${sign}${(size * 100).toFixed(1)} pp`;
  return `${sign}${size.toFixed(2)}×`;
}

/** The number formatChange prints: a ratio for `relative`, a difference otherwise; null when undefined. */
export function changeValue(current: number | null | undefined, previous: number | null | undefined, kind: ChangeKind): number | null {
  if (isMissing(current) || isMissing(previous) || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  if (kind === 'relative') return previous === 0 ? null : (current - previous) / Math.abs(previous);
  return current - previous;
}
