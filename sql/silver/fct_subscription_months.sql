-- Month-end MRR per account (metrics.md): for every account and calendar month from its
-- first subscription event to the as-of month, the value of the state in force at the end
-- of the month (at the as-of date for the partial as-of month), with discounts deducted
-- while they last. Trials, Free and cancelled accounts are worth 0; refunds are not MRR.
-- @col customer_id: Account.
-- @col month: First day of the month.
-- @col snapshot_at: The instant the MRR is measured (month end, or the as-of date).
-- @col is_partial_month: TRUE for the as-of month when the as-of date is not its last day.
-- @col plan_id: Plan in force at snapshot_at.
-- @col tier: Tier in force at snapshot_at.
-- @col seats: Seats in force at snapshot_at.
-- @col is_paying: TRUE when mrr > 0.
-- @col mrr: Month-end MRR, USD.
-- @test unique: customer_id, month
-- @test not_null: customer_id, month, mrr
-- @test expression: mrr >= 0
-- @test expression: is_paying = (mrr > 0)
WITH params AS (SELECT as_of_date FROM run_params),
accounts AS (
  SELECT customer_id, CAST(date_trunc('month', min(valid_from)) AS DATE) AS first_month
  FROM fct_subscription_states GROUP BY customer_id
),
months AS (
  SELECT a.customer_id, CAST(m.month AS DATE) AS month
  FROM accounts AS a
  CROSS JOIN params AS p
  CROSS JOIN LATERAL unnest(generate_series(CAST(a.first_month AS TIMESTAMP), CAST(date_trunc('month', p.as_of_date) AS TIMESTAMP), INTERVAL 1 MONTH)) AS m(month)
),
snapshots AS (
  SELECT m.customer_id, m.month,
    least(CAST(last_day(m.month) AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND,
          CAST(p.as_of_date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND) AS snapshot_at,
    last_day(m.month) > p.as_of_date AS is_partial_month
  FROM months AS m CROSS JOIN params AS p
)
SELECT
  s.customer_id,
  s.month,
  s.snapshot_at,
  s.is_partial_month,
  st.plan_id,
  st.tier,
  st.seats,
  coalesce(st.list_mrr, 0) > 0 AS is_paying,
  CAST(CASE
    WHEN st.list_mrr IS NULL OR st.list_mrr = 0 THEN 0
    WHEN st.discount_percent > 0 AND (st.discount_until IS NULL OR s.snapshot_at < st.discount_until)
      THEN round(st.list_mrr * (100 - st.discount_percent) / 100, 2)
    ELSE st.list_mrr
  END AS DECIMAL(12, 2)) AS mrr
FROM snapshots AS s
ASOF LEFT JOIN fct_subscription_states AS st
  ON st.customer_id = s.customer_id AND s.snapshot_at >= st.valid_from
