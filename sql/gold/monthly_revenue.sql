-- The MRR bridge by month (seed 000 monthly_revenue, with reactivation as ChartMogul shows
-- it) and the revenue metrics of metrics.md: NRR and GRR over the month, logo churn rate,
-- ARPA, LTV, ARR and the revenue quick ratio. Ratios with a zero denominator are NULL.
-- Filterable by account and by month at query time.
-- @col month: First day of the month.
-- @col is_partial_month: TRUE for the as-of month when it is not over.
-- @col start_mrr: MRR at the end of the previous month.
-- @col new_mrr: MRR of accounts paying for the first time.
-- @col reactivation_mrr: MRR of accounts paying again after stopping.
-- @col expansion_mrr: Growth of accounts that kept paying.
-- @col contraction_mrr: Shrinkage of accounts that kept paying.
-- @col churned_mrr: MRR lost from accounts that stopped paying.
-- @col end_mrr: MRR at the end of the month; end = start + new + reactivation + expansion - contraction - churn.
-- @col arr: end_mrr x 12.
-- @col paying_accounts_start: Accounts paying at the end of the previous month.
-- @col paying_accounts_end: Accounts paying at the end of the month.
-- @col new_accounts: Accounts that started paying for the first time.
-- @col reactivated_accounts: Accounts that started paying again.
-- @col churned_accounts: Accounts that stopped paying.
-- @col logo_churn_rate: churned_accounts / paying_accounts_start.
-- @col nrr: (start + expansion - contraction - churn) / start.
-- @col grr: (start - contraction - churn) / start.
-- @col arpa: end_mrr / paying_accounts_end.
-- @col ltv: arpa / logo_churn_rate (NULL when no account churned).
-- @col revenue_quick_ratio: (new + reactivation + expansion) / (contraction + churn).
-- @test unique: month
-- @test expression(bridge_identity): end_mrr = start_mrr + new_mrr + reactivation_mrr + expansion_mrr - contraction_mrr - churned_mrr
WITH totals AS (
  SELECT
    month,
    bool_or(is_partial_month) AS is_partial_month,
    sum(start_mrr) AS start_mrr, sum(new_mrr) AS new_mrr, sum(reactivation_mrr) AS reactivation_mrr,
    sum(expansion_mrr) AS expansion_mrr, sum(contraction_mrr) AS contraction_mrr, sum(churned_mrr) AS churned_mrr,
    sum(end_mrr) AS end_mrr,
    count(*) FILTER (WHERE start_mrr > 0) AS paying_accounts_start,
    count(*) FILTER (WHERE end_mrr > 0) AS paying_accounts_end,
    count(*) FILTER (WHERE movement = 'new') AS new_accounts,
    count(*) FILTER (WHERE movement = 'reactivation') AS reactivated_accounts,
    count(*) FILTER (WHERE movement = 'churn') AS churned_accounts
  FROM fct_mrr_movements AS m
  WHERE TRUE /*accounts:m.customer_id*/ AND TRUE /*period:m.month as month*/
  GROUP BY month
)
SELECT
  month, is_partial_month, start_mrr, new_mrr, reactivation_mrr, expansion_mrr, contraction_mrr, churned_mrr, end_mrr,
  end_mrr * 12 AS arr,
  paying_accounts_start, paying_accounts_end, new_accounts, reactivated_accounts, churned_accounts,
  churned_accounts / nullif(paying_accounts_start, 0) AS logo_churn_rate,
  CAST((start_mrr + expansion_mrr - contraction_mrr - churned_mrr) AS DOUBLE) / nullif(start_mrr, 0) AS nrr,
  CAST((start_mrr - contraction_mrr - churned_mrr) AS DOUBLE) / nullif(start_mrr, 0) AS grr,
  CAST(end_mrr AS DOUBLE) / nullif(paying_accounts_end, 0) AS arpa,
  (CAST(end_mrr AS DOUBLE) / nullif(paying_accounts_end, 0)) / nullif(churned_accounts / nullif(paying_accounts_start, 0), 0) AS ltv,
  CAST(new_mrr + reactivation_mrr + expansion_mrr AS DOUBLE) / nullif(contraction_mrr + churned_mrr, 0) AS revenue_quick_ratio
FROM totals
ORDER BY month
