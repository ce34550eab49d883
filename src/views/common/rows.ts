import { isoDate, num } from '../../engine/arrowRows';

/**
 * Arrow value helpers for nullable columns: `num` turns NULL into 0, which would draw a
 * ratio over nothing as 0 (metrics.md wants it shown as n/a).
 */
export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

export function isoDateOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : isoDate(value);
}
