-- Account cohort retention (seed 000 cohort_retention): cohort = an account's first paid
-- month; for each month since, logo retention (share of the cohort paying at month end) and
-- revenue retention (cohort MRR over its MRR in the cohort month, which can exceed 100 %).
-- Months after the as-of date have no row (censored, not 0). Filterable by account and by
-- cohort month at query time.
-- @col cohort: First paid month of the accounts.
-- @col month_offset: Months since the cohort month (0 = the cohort month).
-- @col period_month: Calendar month of the cell.
-- @col cohort_accounts: Accounts in the cohort.
-- @col active_accounts: Cohort accounts paying at the end of period_month.
-- @col retention_rate: Logo retention, active_accounts / cohort_accounts x 100.
-- @col cohort_start_mrr: The cohort's MRR at the end of its first month.
-- @col mrr: The cohort's MRR at the end of period_month.
-- @col revenue_retention_rate: mrr / cohort_start_mrr x 100.
-- @col is_partial_period: TRUE when period_month is not over at the as-of date.
-- @test unique: cohort, month_offset
-- @test expression: retention_rate BETWEEN 0 AND 100 AND revenue_retention_rate >= 0
WITH firsts AS (
  SELECT customer_id, min(month) FILTER (WHERE mrr > 0) AS cohort FROM fct_subscription_months AS m
  WHERE TRUE /*accounts:m.customer_id*/
  GROUP BY customer_id
  HAVING TRUE /*period:cohort as cohort*/
),
cells AS (
  SELECT f.cohort, datediff('month', f.cohort, m.month) AS month_offset, m.month AS period_month, bool_or(m.is_partial_month) AS is_partial_period,
    count(*) FILTER (WHERE m.mrr > 0) AS active_accounts, sum(m.mrr) AS mrr
  FROM fct_subscription_months AS m JOIN firsts AS f ON f.customer_id = m.customer_id
  WHERE f.cohort IS NOT NULL AND m.month >= f.cohort
  GROUP BY ALL
),
sizes AS (
  SELECT cohort, count(*) AS cohort_accounts FROM firsts WHERE cohort IS NOT NULL GROUP BY cohort
)
SELECT
  c.cohort, CAST(c.month_offset AS INTEGER) AS month_offset, c.period_month, s.cohort_accounts, c.active_accounts,
  100.0 * c.active_accounts / s.cohort_accounts AS retention_rate,
  first_value(c.mrr) OVER (PARTITION BY c.cohort ORDER BY c.month_offset) AS cohort_start_mrr,
  c.mrr,
  100.0 * c.mrr / nullif(first_value(c.mrr) OVER (PARTITION BY c.cohort ORDER BY c.month_offset), 0) AS revenue_retention_rate,
  c.is_partial_period
FROM cells AS c JOIN sizes AS s ON s.cohort = c.cohort
ORDER BY c.cohort, c.month_offset
