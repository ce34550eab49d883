import type { Table } from 'apache-arrow';
import type { ChartOption } from '../../charts/echarts';
import { mapRows, num } from '../../engine/arrowRows';
import { formatPercent } from '../../format/numbers';
import { LEGEND } from '../common/chartParts';
import { numOrNull } from '../common/rows';

/** One step of a tier's Kaplan-Meier curve (survival_km). */
export interface KmRow {
  tier: string;
  t: number;
  nAtRisk: number;
  events: number;
  censored: number;
  survival: number;
  lower: number;
  upper: number;
}

export function kmRowsFromTable(table: Table): KmRow[] {
  return mapRows(table, (r) => ({
    tier: String(r.plan_tier),
    t: num(r.t),
    nAtRisk: num(r.n_at_risk),
    events: num(r.events),
    censored: num(r.censored),
    survival: num(r.survival),
    lower: num(r.lower_95),
    upper: num(r.upper_95),
  }));
}

/** A tier's summary with the log-rank test (survival_summary joined to survival_logrank). */
export interface SurvivalSummaryRow {
  tier: string;
  customers: number;
  events: number;
  censored: number;
  medianDays: number | null;
  medianLower: number | null;
  medianUpper: number | null;
  survival365: number | null;
  observed: number | null;
  expected: number | null;
  chiSquare: number | null;
  degreesOfFreedom: number | null;
  pValue: number | null;
}

export function survivalSummaryFromTable(table: Table): SurvivalSummaryRow[] {
  return mapRows(table, (r) => ({
    tier: String(r.plan_tier),
    customers: num(r.customers),
    events: num(r.events),
    censored: num(r.censored),
    medianDays: numOrNull(r.median_survival_days),
    medianLower: numOrNull(r.median_lower_95),
    medianUpper: numOrNull(r.median_upper_95),
    survival365: numOrNull(r.survival_365d),
    observed: numOrNull(r.observed_events),
    expected: numOrNull(r.expected_events),
    chiSquare: numOrNull(r.chi_square),
    degreesOfFreedom: numOrNull(r.degrees_of_freedom),
    pValue: numOrNull(r.p_value),
  }));
}

/** Tier colours, the same in both themes (the plans' order: starter to enterprise). */
export const TIER_COLORS: Record<string, string> = { starter: '#4c78a8', growth: '#f58518', pro: '#54a24b', enterprise: '#b279a2' };
const FALLBACK_COLOR = '#888888';

export interface TierCurve {
  tier: string;
  /** [t, S(t)] from [0, 1]: a step function, constant until the next point. */
  steps: [number, number][];
  /** [t, lower, upper] of the 95 % band, from [0, 1, 1]. */
  band: [number, number, number][];
  /** [t, S(t)] where accounts were censored. */
  censorMarks: [number, number][];
}

/** Groups the rows by tier (in their order) and starts each curve at t = 0 with S = 1. */
export function tierCurves(rows: readonly KmRow[]): TierCurve[] {
  const curves = new Map<string, TierCurve>();
  for (const row of rows) {
    let curve = curves.get(row.tier);
    if (!curve) {
      curve = { tier: row.tier, steps: [[0, 1]], band: [[0, 1, 1]], censorMarks: [] };
      curves.set(row.tier, curve);
    }
    if (row.t === 0) {
      // Churn on the sign-up day: the curve starts below 1.
      curve.steps[0] = [0, row.survival];
      curve.band[0] = [0, row.lower, row.upper];
    } else {
      curve.steps.push([row.t, row.survival]);
      curve.band.push([row.t, row.lower, row.upper]);
    }
    if (row.censored > 0) curve.censorMarks.push([row.t, row.survival]);
  }
  return [...curves.values()];
}

/**
 * Kaplan-Meier curves by tier: the survival step line, its 95 % band (the area between the
 * lower and upper bounds: an invisible line at the lower bound with the band's width stacked
 * on it) and a tick where accounts were censored. The three series of a tier share its name,
 * so one legend entry shows or hides them together. A dashed line marks S = 50 % (the median).
 */
export function survivalOption(curves: readonly TierCurve[]): ChartOption {
  const series = curves.flatMap((c) => {
    const color = TIER_COLORS[c.tier] ?? FALLBACK_COLOR;
    return [
      { name: c.tier, type: 'line', step: 'end', stack: `band-${c.tier}`, data: c.band.map(([t, lo]) => [t, lo]), lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false }, color },
      {
        name: c.tier,
        type: 'line',
        step: 'end',
        stack: `band-${c.tier}`,
        data: c.band.map(([t, lo, hi]) => [t, hi - lo]),
        lineStyle: { opacity: 0 },
        areaStyle: { color, opacity: 0.15 },
        symbol: 'none',
        silent: true,
        tooltip: { show: false },
        color,
      },
      { name: c.tier, type: 'line', step: 'end', data: c.steps, symbol: 'none', lineStyle: { width: 2 }, color },
      { name: c.tier, type: 'scatter', data: c.censorMarks, symbol: 'rect', symbolSize: [2, 8], color, tooltip: { show: false } },
    ];
  });
  if (series.length > 0) {
    (series[2] as Record<string, unknown>).markLine = { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#888' }, label: { formatter: 'median' }, data: [{ yAxis: 0.5 }] };
  }
  return {
    animation: false,
    grid: { left: 56, right: 40, top: 44, bottom: 40 },
    legend: { ...LEGEND, data: curves.map((c) => c.tier) },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatPercent(v) },
    xAxis: { type: 'value', name: 'Days since sign-up', nameLocation: 'middle', nameGap: 26, min: 0 },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` } },
    series,
  };
}

/** The log-rank test line: "χ² = 12.3 with 3 degrees of freedom, p = 0.0064", or why there is none. */
export function logRankText(rows: readonly SurvivalSummaryRow[]): string {
  const first = rows[0];
  if (!first || first.chiSquare === null || first.pValue === null) return 'Log-rank test: n/a (it needs two tiers with churns)';
  const p = first.pValue < 0.0001 ? '< 0.0001' : `= ${first.pValue.toFixed(4)}`;
  return `Log-rank test: χ² = ${first.chiSquare.toFixed(2)} with ${first.degreesOfFreedom ?? 'n/a'} degrees of freedom, p ${p}`;
}
