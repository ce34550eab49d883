import { describe, expect, it } from 'vitest';
import { formatInt, formatPct, formatRatio, formatShare, periodHeading, periodLabel } from '../../../../src/views/common/format';

describe('view formats', () => {
  it('writes counts with separators, never "-0", and n/a for nothing', () => {
    expect(formatInt(12345.4)).toBe('12,345');
    expect(formatInt(-0)).toBe('0');
    expect(formatInt(-1200)).toBe('-1,200');
    expect(formatInt(null)).toBe('n/a');
  });

  it('reads the marts’ 0-100 percentages and 0-1 shares alike', () => {
    expect(formatPct(45.25)).toBe('45.3 %');
    expect(formatShare(0.4525)).toBe('45.3 %');
    expect(formatPct(null)).toBe('n/a');
  });

  it('writes ratios as multiples, n/a over zero', () => {
    expect(formatRatio(1.256)).toBe('1.26×');
    expect(formatRatio(null)).toBe('n/a');
  });

  it('labels months by year-month and days and weeks by their first day', () => {
    expect(periodLabel('2024-03-01', 'month')).toBe('2024-03');
    expect(periodLabel('2024-03-04', 'week')).toBe('2024-03-04');
    expect(periodHeading('week')).toBe('Week (Monday)');
  });
});
