import { describe, expect, it } from 'vitest';
import { channelTotals, funnelStages } from '../../../../src/views/funnel/funnelModel';
import { cohort, month } from './fixtures';

describe('funnel stages', () => {
  it('sums each step over the months and gives the share of the step before', () => {
    const stages = funnelStages([month('2024-01-01', 10, 8, 2), month('2024-02-01', 30, 12, 8)]);
    expect(stages).toEqual([
      { name: 'Sign-ups', value: 40, ofPrevious: null },
      { name: 'Trials started', value: 20, ofPrevious: 0.5 },
      { name: 'Converted within 14 days', value: 10, ofPrevious: 0.5 },
    ]);
  });

  it('has no share after an empty step', () => {
    const stages = funnelStages([month('2024-01-01', 3, 0, 0)]);
    expect(stages.map((s) => s.ofPrevious)).toEqual([null, 0, null]);
  });
});

describe('trial conversion by channel', () => {
  const cohorts = [
    cohort('2024-01-01', 'all', 5, 2),
    cohort('2024-01-01', 'paid', 3, 1),
    cohort('2024-01-01', 'organic', 2, 1),
    cohort('2024-02-01', 'all', 4, 1, 2, false),
    cohort('2024-02-01', 'organic', 4, 1, 2, false),
  ];

  it("sums the monthly cohorts per channel, 'all' last", () => {
    const totals = channelTotals(cohorts);
    expect(totals.map((t) => [t.channel, t.trialsStarted, t.converted, t.trialsOpen])).toEqual([
      ['organic', 6, 2, 2],
      ['paid', 3, 1, 0],
      ['all', 9, 3, 2],
    ]);
  });

  it('gives the rate over all trials and over the trials that have ended', () => {
    const organic = channelTotals(cohorts).find((t) => t.channel === 'organic')!;
    expect(organic.conversionRate).toBeCloseTo(2 / 6, 12);
    expect(organic.endedConversionRate).toBeCloseTo(2 / 4, 12);
    const open = channelTotals([cohort('2024-03-01', 'social', 2, 0, 2, false)])[0]!;
    expect(open.endedConversionRate).toBeNull();
    expect(channelTotals([cohort('2024-03-01', 'social', 0, 0)])[0]!.conversionRate).toBeNull();
  });
});
