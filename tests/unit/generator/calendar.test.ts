import { describe, expect, it } from 'vitest';
import { addMonths, MS_PER_DAY, parseIsoDate } from '../../../src/generator/calendar';

/** The same rule through Date, the independent reference: the day of the month, clamped. */
function addMonthsByDate(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const length = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).getUTCDate();
  return first / MS_PER_DAY + Math.min(d.getUTCDate(), length) - 1;
}

describe('addMonths', () => {
  it('clamps to the end of shorter months, leap years included', () => {
    expect(addMonths(parseIsoDate('2024-01-31')!, 1)).toBe(parseIsoDate('2024-02-29'));
    expect(addMonths(parseIsoDate('2025-01-31')!, 1)).toBe(parseIsoDate('2025-02-28'));
    expect(addMonths(parseIsoDate('2100-01-31')!, 1)).toBe(parseIsoDate('2100-02-28'));
    expect(addMonths(parseIsoDate('2000-01-30')!, 1)).toBe(parseIsoDate('2000-02-29'));
    expect(addMonths(parseIsoDate('2024-08-31')!, 1)).toBe(parseIsoDate('2024-09-30'));
    expect(addMonths(parseIsoDate('2024-12-15')!, 12)).toBe(parseIsoDate('2025-12-15'));
    expect(addMonths(parseIsoDate('2025-03-31')!, -1)).toBe(parseIsoDate('2025-02-28'));
  });

  it('agrees with Date arithmetic on every day from 1960 to 2060, for month steps -13 to 25', () => {
    const mismatches: string[] = [];
    for (let day = parseIsoDate('1960-01-01')!; day <= parseIsoDate('2060-12-31')!; day++) {
      for (const months of [-13, -1, 0, 1, 2, 3, 6, 11, 12, 25]) {
        if (addMonths(day, months) !== addMonthsByDate(day, months)) mismatches.push(`${day}+${months}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
