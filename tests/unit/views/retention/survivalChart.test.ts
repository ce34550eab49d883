import { describe, expect, it } from 'vitest';
import { type KmRow, logRankText, survivalOption, type SurvivalSummaryRow, tierCurves } from '../../../../src/views/retention/survivalChart';

const km = (tier: string, t: number, survival: number, lower: number, upper: number, censored = 0): KmRow => ({ tier, t, nAtRisk: 10, events: 1, censored, survival, lower, upper });

describe('Kaplan-Meier chart', () => {
  const rows = [km('starter', 30, 0.9, 0.6, 0.98), km('starter', 60, 0.9, 0.6, 0.98, 2), km('starter', 90, 0.5, 0.2, 0.8), km('pro', 0, 0.95, 0.7, 0.99), km('pro', 120, 0.95, 0.7, 0.99, 1)];

  it('starts every curve at S = 1 on day 0 (lower when accounts churn on day 0) and ticks the censoring days', () => {
    const [starter, pro] = tierCurves(rows);
    expect(starter!.steps).toEqual([
      [0, 1],
      [30, 0.9],
      [60, 0.9],
      [90, 0.5],
    ]);
    expect(starter!.censorMarks).toEqual([[60, 0.9]]);
    expect(pro!.steps).toEqual([
      [0, 0.95],
      [120, 0.95],
    ]);
    expect(pro!.band[0]).toEqual([0, 0.7, 0.99]);
  });

  it('draws the band as the lower bound plus a stacked width, and the three series of a tier under one name', () => {
    const option = survivalOption(tierCurves(rows)) as { series: { name: string; type: string; stack?: string; data: number[][] }[]; legend: { data: string[] } };
    expect(option.legend.data).toEqual(['starter', 'pro']);
    const starter = option.series.filter((s) => s.name === 'starter');
    expect(starter.map((s) => s.type)).toEqual(['line', 'line', 'line', 'scatter']);
    expect(starter[0]!.stack).toBe('band-starter');
    expect(starter[1]!.stack).toBe('band-starter');
    const width = starter[1]!.data.map(([, w]) => Math.round(w! * 100) / 100);
    expect(width).toEqual([0, 0.38, 0.38, 0.6]);
    // Lower + width = upper at every step.
    starter[0]!.data.forEach(([t, lo], i) => expect(lo! + starter[1]!.data[i]![1]!, String(t)).toBeCloseTo([1, 0.98, 0.98, 0.8][i]!, 12));
  });

  it('states the log-rank test, or n/a without one', () => {
    const summary = (chiSquare: number | null, pValue: number | null): SurvivalSummaryRow => ({
      tier: 'starter', customers: 1, events: 1, censored: 0, medianDays: null, medianLower: null, medianUpper: null, survival365: null, observed: 1, expected: 1, chiSquare, degreesOfFreedom: 3, pValue,
    });
    expect(logRankText([summary(12.345, 0.00628)])).toBe('Log-rank test: χ² = 12.35 with 3 degrees of freedom, p = 0.0063');
    expect(logRankText([summary(40, 1e-8)])).toBe('Log-rank test: χ² = 40.00 with 3 degrees of freedom, p < 0.0001');
    expect(logRankText([summary(null, null)])).toMatch(/n\/a/);
  });
});
