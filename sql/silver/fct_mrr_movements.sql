-- Each account's MRR movement in each month (metrics.md): start = previous month-end MRR,
-- end = this month-end MRR, and the change classified as new (start 0, never paid before),
-- reactivation (start 0, paid before), expansion (end > start > 0), contraction
-- (0 < end < start) or churn (start > 0, end 0).
-- @col customer_id: Account.
-- @col month: First day of the month.
-- @col is_partial_month: TRUE for the as-of month when it is not over.
-- @col start_mrr: MRR at the end of the previous month.
-- @col end_mrr: MRR at the end of this month.
-- @col movement: new, reactivation, expansion, contraction, churn or none.
-- @col new_mrr: end_mrr of a new account.
-- @col reactivation_mrr: end_mrr of a reactivated account.
-- @col expansion_mrr: end_mrr - start_mrr when it grew.
-- @col contraction_mrr: start_mrr - end_mrr when it shrank but stayed above 0.
-- @col churned_mrr: start_mrr of an account that stopped paying.
-- @test unique: customer_id, month
-- @test expression(movements_add_up): end_mrr = start_mrr + new_mrr + reactivation_mrr + expansion_mrr - contraction_mrr - churned_mrr
-- @test accepted_values: movement = new, reactivation, expansion, contraction, churn, none
WITH m AS (
  SELECT
    customer_id, month, is_partial_month, mrr AS end_mrr,
    coalesce(lag(mrr) OVER (PARTITION BY customer_id ORDER BY month), 0) AS start_mrr,
    coalesce(max(mrr) OVER (PARTITION BY customer_id ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) > 0 AS paid_before
  FROM fct_subscription_months
),
classified AS (
  SELECT *,
    CASE
      WHEN start_mrr = 0 AND end_mrr > 0 AND NOT paid_before THEN 'new'
      WHEN start_mrr = 0 AND end_mrr > 0 THEN 'reactivation'
      WHEN start_mrr > 0 AND end_mrr = 0 THEN 'churn'
      WHEN end_mrr > start_mrr THEN 'expansion'
      WHEN end_mrr < start_mrr THEN 'contraction'
      ELSE 'none'
    END AS movement
  FROM m
)
SELECT
  customer_id, month, is_partial_month, start_mrr, end_mrr, movement,
  CAST(CASE WHEN movement = 'new' THEN end_mrr ELSE 0 END AS DECIMAL(12, 2)) AS new_mrr,
  CAST(CASE WHEN movement = 'reactivation' THEN end_mrr ELSE 0 END AS DECIMAL(12, 2)) AS reactivation_mrr,
  CAST(CASE WHEN movement = 'expansion' THEN end_mrr - start_mrr ELSE 0 END AS DECIMAL(12, 2)) AS expansion_mrr,
  CAST(CASE WHEN movement = 'contraction' THEN start_mrr - end_mrr ELSE 0 END AS DECIMAL(12, 2)) AS contraction_mrr,
  CAST(CASE WHEN movement = 'churn' THEN start_mrr ELSE 0 END AS DECIMAL(12, 2)) AS churned_mrr
FROM classified
