import { type ChangeKind, formatCount, formatCurrency, formatMultiple, formatPercent } from '../../format/numbers';
import type { SeriesPoint, SeriesTable } from './overviewQueries';

/** The Overview's query results, by query: each a table of monthly series. */
export type KpiQuery = 'revenue' | 'retention' | 'trials' | 'mau' | 'stickiness';

export interface KpiDefinition {
  id: string;
  label: string;
  query: KpiQuery;
  column: string;
  format: (value: number | null) => string;
  /** Relative change for amounts and counts, points for rates, a difference for multiples. */
  change: ChangeKind;
  /** Which way is good, for the colour of the change. */
  higherIsBetter: boolean;
  /** The mart and convention the figure comes from (shown on the tile and in the notes). */
  source: string;
}

export const KPIS: readonly KpiDefinition[] = [
  { id: 'mrr', label: 'MRR', query: 'revenue', column: 'mrr', format: (v) => formatCurrency(v), change: 'relative', higherIsBetter: true, source: 'monthly_revenue.end_mrr: month-end MRR (annual plans / 12, discounts deducted, trials and Free at 0)' },
  { id: 'arr', label: 'ARR', query: 'revenue', column: 'arr', format: (v) => formatCurrency(v), change: 'relative', higherIsBetter: true, source: 'monthly_revenue.arr: month-end MRR x 12' },
  { id: 'paying', label: 'Paying accounts', query: 'revenue', column: 'paying_accounts', format: formatCount, change: 'relative', higherIsBetter: true, source: 'monthly_revenue.paying_accounts_end: accounts with month-end MRR > 0' },
  { id: 'nrr', label: 'NRR (12 months)', query: 'retention', column: 'nrr_12m', format: (v) => formatPercent(v), change: 'points', higherIsBetter: true, source: 'revenue_retention_12m.nrr_12m: MRR now / MRR 12 months earlier, of the accounts paying then' },
  { id: 'grr', label: 'GRR (12 months)', query: 'retention', column: 'grr_12m', format: (v) => formatPercent(v), change: 'points', higherIsBetter: true, source: 'revenue_retention_12m.grr_12m: as NRR with each account capped at its starting MRR' },
  { id: 'logoChurn', label: 'Logo churn (month)', query: 'revenue', column: 'logo_churn_rate', format: (v) => formatPercent(v, 2), change: 'points', higherIsBetter: false, source: 'monthly_revenue.logo_churn_rate: accounts churned / paying at the start of the month' },
  { id: 'arpa', label: 'ARPA', query: 'revenue', column: 'arpa', format: (v) => formatCurrency(v, { cents: true }), change: 'relative', higherIsBetter: true, source: 'monthly_revenue.arpa: month-end MRR / paying accounts' },
  { id: 'ltv', label: 'LTV', query: 'revenue', column: 'ltv', format: (v) => formatCurrency(v), change: 'relative', higherIsBetter: true, source: 'monthly_revenue.ltv: ARPA / monthly logo churn rate (n/a without churn)' },
  { id: 'quickRatio', label: 'Revenue quick ratio', query: 'revenue', column: 'revenue_quick_ratio', format: (v) => formatMultiple(v), change: 'multiple', higherIsBetter: true, source: 'monthly_revenue.revenue_quick_ratio: (new + reactivation + expansion) / (contraction + churn)' },
  { id: 'trialToPaid', label: 'Trial-to-paid', query: 'trials', column: 'trial_to_paid', format: (v) => formatPercent(v), change: 'points', higherIsBetter: true, source: 'trial_conversion_cohorts.conversion_rate (all channels): trials started in the month converted within 14 days; latest cohort whose trials have all ended' },
  { id: 'mau', label: 'MAU', query: 'mau', column: 'mau', format: formatCount, change: 'relative', higherIsBetter: true, source: 'social_capital_growth_accounting.total_mau: users with an event in the calendar month' },
  { id: 'dauMau', label: 'DAU/MAU', query: 'stickiness', column: 'dau_mau', format: (v) => formatPercent(v), change: 'points', higherIsBetter: true, source: 'growth_metrics.dau_mau_stickiness: DAU / 30-day active users, averaged over the days of the month' },
];

/** A KPI for the latest complete period, the period before it and its recent trend. */
export interface KpiFigure {
  id: string;
  period: string | null;
  value: number | null;
  previousPeriod: string | null;
  previousValue: number | null;
  /** Values of the complete periods up to `period`, oldest first (the sparkline). */
  trend: (number | null)[];
}

/** The first day of the month before an ISO date's month. */
export function previousMonth(iso: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
}

/**
 * The figure of the latest complete (not partial) month of a series, against the calendar
 * month before it: a month without a row has no figure (n/a), it is never read as 0 or
 * replaced by an older month.
 */
export function kpiFigure(id: string, series: readonly SeriesPoint[], trendLength = 12): KpiFigure {
  const complete = series.filter((p) => !p.partial);
  const current = complete.at(-1);
  if (!current) return { id, period: null, value: null, previousPeriod: null, previousValue: null, trend: [] };
  const previousPeriod = previousMonth(current.period);
  const previous = complete.find((p) => p.period === previousPeriod);
  return {
    id,
    period: current.period,
    value: current.value,
    previousPeriod,
    previousValue: previous?.value ?? null,
    trend: complete.slice(-trendLength).map((p) => p.value),
  };
}

/** Every KPI from the query results that are in; a KPI whose query is not is left out. */
export function buildKpis(results: Partial<Record<KpiQuery, SeriesTable>>): KpiFigure[] {
  return KPIS.flatMap((k) => {
    const table = results[k.query];
    if (!table) return [];
    return [kpiFigure(k.id, table[k.column] ?? [])];
  });
}
