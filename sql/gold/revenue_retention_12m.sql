-- Net and gross revenue retention over 12 months (metrics.md), for the accounts paying at
-- the start: NRR = their MRR now / their MRR 12 months earlier; GRR caps each account at its
-- starting MRR, so expansion cannot lift it above 100 %. Months without a full year of
-- history have no row.
-- Filterable by account and by month at query time.
-- @col month: Month whose end is measured.
-- @col start_month: The month 12 months earlier.
-- @col is_partial_month: TRUE for the as-of month when it is not over.
-- @col starting_accounts: Accounts paying at the end of start_month.
-- @col retained_accounts: Of those, accounts paying at the end of month.
-- @col start_mrr: Their MRR at the end of start_month.
-- @col current_mrr: Their MRR at the end of month (expansion included).
-- @col retained_mrr_capped: Their MRR at the end of month, each capped at its starting MRR.
-- @col nrr_12m: current_mrr / start_mrr.
-- @col grr_12m: retained_mrr_capped / start_mrr.
-- @col logo_retention_12m: retained_accounts / starting_accounts.
-- @test unique: month
-- @test expression: grr_12m <= 1 AND grr_12m <= nrr_12m + 1e-12
WITH pairs AS (
  SELECT now.month, past.month AS start_month, now.is_partial_month, past.customer_id, past.mrr AS start_mrr, now.mrr AS current_mrr
  FROM fct_subscription_months AS past
  JOIN fct_subscription_months AS now ON now.customer_id = past.customer_id AND now.month = CAST(past.month + INTERVAL 12 MONTH AS DATE)
  WHERE past.mrr > 0 AND TRUE /*accounts:past.customer_id*/
)
SELECT
  month, start_month, bool_or(is_partial_month) AS is_partial_month,
  count(*) AS starting_accounts,
  count(*) FILTER (WHERE current_mrr > 0) AS retained_accounts,
  sum(start_mrr) AS start_mrr,
  sum(current_mrr) AS current_mrr,
  sum(least(current_mrr, start_mrr)) AS retained_mrr_capped,
  CAST(sum(current_mrr) AS DOUBLE) / sum(start_mrr) AS nrr_12m,
  CAST(sum(least(current_mrr, start_mrr)) AS DOUBLE) / sum(start_mrr) AS grr_12m,
  count(*) FILTER (WHERE current_mrr > 0) / count(*) AS logo_retention_12m
FROM pairs
GROUP BY month, start_month
HAVING TRUE /*period:month as month*/
ORDER BY month
