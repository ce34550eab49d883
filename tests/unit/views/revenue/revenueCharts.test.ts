import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../../src/pipeline/filters';
import { ltvCurvesOption, quarterLabel, QUICK_RATIO_AXIS_MAX, quickRatioOption, retentionTrendOption } from '../../../../src/views/revenue/revenueCharts';
import { type BridgeRow, drilldownSql } from '../../../../src/views/revenue/revenueQueries';

const month = (m: string, nrr: number | null, quickRatio: number | null = null): BridgeRow => ({
  month: m,
  partial: false,
  start: 1,
  new: 0,
  reactivation: 0,
  expansion: 0,
  contraction: 0,
  churn: 0,
  end: 1,
  payingStart: 1,
  payingEnd: 1,
  newAccounts: 0,
  reactivatedAccounts: 0,
  churnedAccounts: 0,
  nrr,
  grr: nrr,
  quickRatio,
});

type Line = { name: string; data: (number | null)[] };

describe('revenue retention trend', () => {
  it('puts monthly and 12-month figures on one month axis, with gaps where a series has none', () => {
    const option = retentionTrendOption([month('2025-01-01', 0.98), month('2025-02-01', null)], [{ month: '2025-02-01', partial: false, nrr12m: 1.05, grr12m: 0.9 }]) as {
      xAxis: { data: string[] };
      series: Line[];
    };
    expect(option.xAxis.data).toEqual(['Jan 2025', 'Feb 2025']);
    const byName = Object.fromEntries(option.series.map((s) => [s.name, s.data]));
    expect(byName['NRR (12 months)']).toEqual([null, 1.05]);
    expect(byName['GRR (12 months)']).toEqual([null, 0.9]);
    expect(byName['NRR (month)']).toEqual([0.98, null]);
  });
});

describe('quick ratio chart', () => {
  it('keeps n/a months as gaps and caps the axis', () => {
    const option = quickRatioOption([month('2025-01-01', 1, 2.5), month('2025-02-01', 1, null)], [{ month: '2025-02-01', partial: false, quickRatio: 1.2 }]) as {
      yAxis: { max: (e: { max: number }) => number };
      series: Line[];
    };
    expect(option.series[0]!.data).toEqual([2.5, null]);
    expect(option.series[1]!.data).toEqual([null, 1.2]);
    expect(option.yAxis.max({ max: 130.4 })).toBe(QUICK_RATIO_AXIS_MAX);
    expect(option.yAxis.max({ max: 2.3 })).toBe(3);
  });
});

describe('LTV curves', () => {
  it('draws one line per cohort, observed months only', () => {
    const option = ltvCurvesOption([
      { cohort: '2024-01-01', monthsSince: 0, accounts: 4, revenuePerAccount: 10 },
      { cohort: '2024-01-01', monthsSince: 1, accounts: 4, revenuePerAccount: 25 },
      { cohort: '2024-04-01', monthsSince: 0, accounts: 2, revenuePerAccount: 12 },
    ]) as { xAxis: { data: string[] }; series: Line[] };
    expect(option.xAxis.data).toEqual(['0', '1']);
    expect(option.series.map((s) => s.name)).toEqual(['2024 Q1 (4)', '2024 Q2 (2)']);
    expect(option.series[1]!.data).toEqual([12, null]);
  });

  it('names quarters', () => {
    expect(quarterLabel('2024-10-01')).toBe('2024 Q4');
    expect(quarterLabel('2025-03-01')).toBe('2025 Q1');
  });
});

describe('drill-down SQL', () => {
  it('refuses a month that is not a date (it is written into the SQL)', () => {
    expect(() => drilldownSql(NO_FILTERS, "2025-01-01' OR 1=1 --", 'new')).toThrow(/ISO date/);
  });

  it('applies the account filter only when one is set', () => {
    expect(drilldownSql(NO_FILTERS, '2025-01-01', 'churn')).not.toMatch(/dim_customers AS c WHERE/);
    expect(drilldownSql({ ...NO_FILTERS, plans: ['Pro'] }, '2025-01-01', 'churn')).toMatch(/c\.current_tier IN \('Pro'\)/);
  });
});
