import { describe, expect, it } from 'vitest';
import { changeValue, formatChange, formatCount, formatCurrency, formatMonth, formatMultiple, formatPercent } from '../../../src/format/numbers';

describe('currency', () => {
  it('prints whole dollars, cents on request, and compact amounts', () => {
    expect(formatCurrency(1234.5)).toBe('$1,235');
    expect(formatCurrency(1234.5, { cents: true })).toBe('$1,234.50');
    expect(formatCurrency(-89.999, { cents: true })).toBe('-$90.00');
    expect(formatCurrency(1_234_567, { compact: true })).toBe('$1.2M');
    expect(formatCurrency(45_600, { compact: true })).toBe('$45.6K');
    expect(formatCurrency(950, { compact: true })).toBe('$950');
    expect(formatCurrency(0)).toBe('$0');
  });

  it('never prints a missing value as 0', () => {
    expect(formatCurrency(null)).toBe('n/a');
    expect(formatCurrency(undefined)).toBe('n/a');
    expect(formatCurrency(Number.NaN)).toBe('n/a');
    expect(formatCurrency(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});

describe('percent, counts and multiples', () => {
  it('prints ratios as percentages', () => {
    expect(formatPercent(0.1534)).toBe('15.3 %');
    expect(formatPercent(1.0215, 2)).toBe('102.15 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(null)).toBe('n/a');
  });

  it('prints counts with separators, rounded', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(12.6)).toBe('13');
    expect(formatCount(null)).toBe('n/a');
  });

  it('prints multiples with the times sign, a zero denominator as n/a or ∞', () => {
    expect(formatMultiple(1.846)).toBe('1.85×');
    expect(formatMultiple(null)).toBe('n/a');
    expect(formatMultiple(Number.POSITIVE_INFINITY)).toBe('∞');
  });
});

describe('months', () => {
  it('names the month of an ISO date', () => {
    expect(formatMonth('2025-11-01')).toBe('Nov 2025');
    expect(formatMonth('2024-01-31')).toBe('Jan 2024');
    expect(() => formatMonth('2024-13-01')).toThrow(/ISO date/);
  });
});

describe('changes between periods', () => {
  it('is relative for amounts: (current - previous) / |previous|', () => {
    expect(changeValue(105, 100, 'relative')).toBeCloseTo(0.05, 12);
    expect(formatChange(105, 100, 'relative')).toBe('+5.0 %');
    expect(formatChange(90, 100, 'relative')).toBe('-10.0 %');
    // From a negative base the sign still says up or down.
    expect(formatChange(-50, -100, 'relative')).toBe('+50.0 %');
    expect(formatChange(100, 100, 'relative')).toBe('±0.0 %');
  });

  it('is in percentage points for rates', () => {
    expect(formatChange(0.052, 0.04, 'points')).toBe('+1.2 pp');
    expect(formatChange(0.95, 1.02, 'points')).toBe('-7.0 pp');
  });

  it('is a difference for multiples', () => {
    expect(formatChange(2.5, 2.25, 'multiple')).toBe('+0.25×');
  });

  it('is n/a without both values or from a zero base', () => {
    expect(formatChange(5, 0, 'relative')).toBe('n/a');
    expect(formatChange(null, 3, 'points')).toBe('n/a');
    expect(formatChange(3, null, 'multiple')).toBe('n/a');
    expect(changeValue(Number.POSITIVE_INFINITY, 2, 'multiple')).toBeNull();
  });
});
