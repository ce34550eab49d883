import { describe, expect, it } from 'vitest';
import { channelOption, conversionRatesOption, funnelOption, monthlyFunnelOption } from '../../../../src/views/funnel/funnelCharts';
import { channelTotals, funnelStages } from '../../../../src/views/funnel/funnelModel';
import { cohort, month } from './fixtures';

interface Series {
  name: string;
  type: string;
  data: ({ value: number | null; symbol?: string; name?: string; label?: { formatter: string } } | number | null)[];
}
const values = (s: Series) => s.data.map((d) => (d !== null && typeof d === 'object' ? d.value : d));

const months = [month('2024-01-01', 10, 8, 2, { signupToPaidRate: 0.3, paidConversions: 3 }), month('2024-02-01', 30, 12, 8, { isPartial: true })];
const cohorts = [cohort('2024-01-01', 'all', 8, 2), cohort('2024-01-01', 'paid', 8, 2), cohort('2024-02-01', 'all', 12, 8, 3, false), cohort('2024-02-01', 'organic', 12, 8, 3, false)];

describe('funnel charts', () => {
  it('draws the stages in order, unsorted, labelled with the share of the stage before', () => {
    const option = funnelOption(funnelStages(months)) as { series: (Series & { sort: string; max: number })[] };
    const funnel = option.series[0]!;
    expect(funnel.sort).toBe('none');
    expect(funnel.max).toBe(40);
    expect(funnel.data.map((d) => (typeof d === 'object' && d !== null ? [d.name, d.value, d.label?.formatter] : d))).toEqual([
      ['Sign-ups', 40, 'Sign-ups: 40'],
      ['Trials started', 20, 'Trials started: 20 (50.0 %)'],
      ['Converted within 14 days', 10, 'Converted within 14 days: 10 (50.0 %)'],
    ]);
  });

  it('shows the monthly steps side by side', () => {
    const option = monthlyFunnelOption(months) as { series: Series[] };
    expect(option.series.map((s) => [s.name, values(s)])).toEqual([
      ['Sign-ups', [10, 30]],
      ['Trials started', [8, 12]],
      ['Converted within 14 days', [2, 8]],
      ['First paid (all routes)', [3, 0]],
    ]);
  });

  it('draws a trial-to-paid line per channel in %, hollow where trials are still open, a gap where a channel had none', () => {
    const option = conversionRatesOption(months, cohorts) as { series: Series[] };
    const line = (name: string) => option.series.find((s) => s.name === name)!;
    expect(values(line('Trial to paid: all channels'))).toEqual([25, (8 / 12) * 100]);
    expect(line('Trial to paid: all channels').data[1]).toMatchObject({ symbol: 'emptyCircle' });
    expect(line('Trial to paid: all channels').data[0]).toEqual({ value: 25 });
    expect(values(line('Trial to paid: paid'))).toEqual([25, null]);
    expect(values(line('Trial to paid: organic'))).toEqual([null, (8 / 12) * 100]);
    expect(values(line('Sign-up to trial'))).toEqual([80, 40]);
    expect(values(line('Sign-up to paid'))).toEqual([30, null]);
  });

  it("plots each channel but not 'all' in the channel chart", () => {
    const option = channelOption(channelTotals(cohorts)) as { series: Series[]; xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['organic', 'paid']);
    expect(option.series.map((s) => [s.name, values(s)])).toEqual([
      ['Trials started', [12, 8]],
      ['Converted within 14 days', [8, 2]],
      ['Conversion rate', [(8 / 12) * 100, 25]],
    ]);
  });
});
