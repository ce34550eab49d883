import { quoteIdent } from '../../engine/connector';

/**
 * The Churn & expansion drivers view's SQL over seed 003's marts (each read through
 * useMartSql, so account filters apply; the marts have no time axis, so the date range does
 * not): churn_correlations, eda_customer_features (churned and active accounts, features up to
 * each one's reference date), mart_customer_churn_features and mart_customer_expansion_features.
 */

/** The point-biserial correlations, strongest first. */
export function correlationSql(martSql: string): string {
  return `SELECT c.feature, c.r, c.direction, c.n, c.churned_mean, c.active_mean, c.t_statistic, c.p_value
FROM (${martSql}) AS c
ORDER BY abs(c.r) DESC NULLS LAST, c.feature`;
}

/** A numeric feature of eda_customer_features whose distribution can be compared. */
export interface Feature {
  key: string;
  label: string;
  /** Whole numbers: a small range gets one bin per value. */
  integral: boolean;
}

export const DISTRIBUTION_FEATURES: readonly Feature[] = [
  { key: 'events_last_30d', label: 'Events in the last 30 days', integral: true },
  { key: 'avg_adoption_score', label: 'Average adoption score', integral: false },
  { key: 'retention_signal_count', label: 'Retention signals (uploads, monitoring, reports)', integral: true },
  { key: 'high_priority_tickets', label: 'High-priority tickets', integral: true },
  { key: 'integration_connects_first_30d', label: 'Integrations connected in the first 30 days', integral: true },
  { key: 'events_last_7d', label: 'Events in the last 7 days', integral: true },
  { key: 'total_events', label: 'Total events', integral: true },
  { key: 'days_since_last_event', label: 'Days since the last event', integral: true },
  { key: 'tickets_last_30d', label: 'Tickets in the last 30 days', integral: true },
  { key: 'avg_resolution_hours', label: 'Average ticket resolution (hours)', integral: false },
  { key: 'mrr', label: 'MRR (last paying month)', integral: false },
  { key: 'duration_days', label: 'Days from sign-up to the reference date', integral: true },
];

export const BINS = 20;

export function findFeature(key: string): Feature {
  const feature = DISTRIBUTION_FEATURES.find((f) => f.key === key);
  if (!feature) throw new Error(`Unknown feature "${key}"`);
  return feature;
}

/**
 * A histogram of one feature for churned and retained accounts, on shared bins: BINS equal
 * widths between the feature's minimum and maximum, or one bin per value for whole numbers
 * spanning fewer than BINS values. Accounts without a value (no events, no tickets) are left
 * out, as churn_correlations leaves them out of its n. The last bin includes the maximum.
 */
export function distributionSql(edaSql: string, feature: Feature): string {
  const x = `e.${quoteIdent(feature.key)}`;
  return `WITH v AS (SELECT CAST(${x} AS DOUBLE) AS x, e.churned FROM (${edaSql}) AS e WHERE ${x} IS NOT NULL),
r AS (SELECT min(x) AS lo, max(x) AS hi FROM v),
p AS (
  SELECT lo, hi,
    CASE WHEN hi = lo THEN 1 WHEN ${feature.integral} AND hi - lo < ${BINS} THEN hi - lo + 1 ELSE ${BINS} END AS bins,
    CASE WHEN hi = lo THEN 1.0 WHEN ${feature.integral} AND hi - lo < ${BINS} THEN 1.0 ELSE (hi - lo) / ${BINS} END AS width
  FROM r
),
binned AS (SELECT CAST(least(floor((v.x - p.lo) / p.width), p.bins - 1) AS INTEGER) AS bin, v.churned FROM v CROSS JOIN p)
SELECT b.bin, p.lo + b.bin * p.width AS bin_start, p.lo + (b.bin + 1) * p.width AS bin_end, ${feature.integral} AND p.width = 1 AS single_value,
  count(*) FILTER (WHERE b.churned) AS churned, count(*) FILTER (WHERE NOT b.churned) AS retained
FROM binned AS b CROSS JOIN p
GROUP BY b.bin, p.lo, p.width
ORDER BY b.bin`;
}

/** Box-plot figures of one feature for churned and retained accounts (churned first). */
export function featureSummarySql(edaSql: string, feature: Feature): string {
  const x = `CAST(e.${quoteIdent(feature.key)} AS DOUBLE)`;
  return `SELECT e.churned, count(${x}) AS n, avg(${x}) AS mean, min(${x}) AS min,
  quantile_cont(${x}, 0.25) AS q1, quantile_cont(${x}, 0.5) AS median, quantile_cont(${x}, 0.75) AS q3, max(${x}) AS max
FROM (${edaSql}) AS e
GROUP BY e.churned
ORDER BY e.churned DESC`;
}

export type ColumnKind = 'text' | 'int' | 'money' | 'decimal' | 'share' | 'bool';

export interface MartColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

const CHURN_FEATURE_COLUMNS: readonly MartColumn[] = [
  { key: 'customer_id', label: 'Account', kind: 'text' },
  { key: 'plan_tier', label: 'Tier', kind: 'text' },
  { key: 'industry', label: 'Industry', kind: 'text' },
  { key: 'mrr', label: 'MRR', kind: 'money' },
  { key: 'tenure_days', label: 'Tenure (days)', kind: 'int' },
  { key: 'total_events', label: 'Events', kind: 'int' },
  { key: 'events_last_30d', label: 'Events 30 d', kind: 'int' },
  { key: 'events_last_7d', label: 'Events 7 d', kind: 'int' },
  { key: 'avg_adoption_score', label: 'Adoption', kind: 'decimal' },
  { key: 'days_since_last_event', label: 'Days since event', kind: 'int' },
  { key: 'retention_signal_count', label: 'Retention signals', kind: 'int' },
  { key: 'integration_connects_first_30d', label: 'Integrations 30 d', kind: 'int' },
  { key: 'tickets_last_30d', label: 'Tickets 30 d', kind: 'int' },
  { key: 'high_priority_tickets', label: 'High-priority tickets', kind: 'int' },
  { key: 'avg_resolution_hours', label: 'Resolution (h)', kind: 'decimal' },
  { key: 'is_early_stage', label: 'Early stage', kind: 'bool' },
];

export const CHURN_COLUMNS: readonly MartColumn[] = CHURN_FEATURE_COLUMNS;

export const EXPANSION_COLUMNS: readonly MartColumn[] = [
  ...CHURN_FEATURE_COLUMNS.slice(0, 5),
  { key: 'premium_feature_trials_30d', label: 'Premium trials 30 d', kind: 'int' },
  { key: 'feature_request_tickets_90d', label: 'Feature requests 90 d', kind: 'int' },
  { key: 'has_open_expansion_opp', label: 'Open expansion deal', kind: 'bool' },
  { key: 'expansion_opp_amount', label: 'Deal amount', kind: 'money' },
  { key: 'mrr_tier_ceiling_pct', label: 'Of tier ceiling', kind: 'share' },
  ...CHURN_FEATURE_COLUMNS.slice(5),
];

/** The mart's rows with the listed columns; decimals as DOUBLE (Arrow would return them scaled) and counts as DOUBLE (not BigInt). */
export function martTableSql(martSql: string, columns: readonly MartColumn[]): string {
  const items = columns.map((c) => {
    const col = `m.${quoteIdent(c.key)}`;
    return c.kind === 'text' || c.kind === 'bool' ? col : `CAST(${col} AS DOUBLE) AS ${quoteIdent(c.key)}`;
  });
  return `SELECT ${items.join(', ')} FROM (${martSql}) AS m ORDER BY m.customer_id`;
}
