-- Social Capital growth accounting for accounts (metrics.md): an account is active in a month
-- when any of its users has an event; active = new (first active month) + retained (active
-- the month before too) + resurrected (not active the month before, active earlier); churned
-- = active the month before, not this month. Quick ratio = (new + resurrected) / churned.
-- Every month from the first activity to the as-of month has a row.
-- Filterable by account and by month at query time.
-- @col activity_month: Month.
-- @col is_partial_month: TRUE for the as-of month when it is not over.
-- @col active_accounts: Accounts active in the month.
-- @col new_accounts: Active for the first time.
-- @col retained_accounts: Active this month and the month before.
-- @col resurrected_accounts: Active this month, not the month before, active earlier.
-- @col churned_accounts: Active the month before, not this month.
-- @col quick_ratio: (new + resurrected) / churned (NULL without churn).
-- @test unique: activity_month
-- @test expression(decomposes): active_accounts = new_accounts + retained_accounts + resurrected_accounts
WITH params AS (SELECT as_of_date, CAST(date_trunc('month', as_of_date) AS DATE) AS as_of_month FROM run_params),
active AS (
  SELECT DISTINCT d.customer_id, CAST(date_trunc('month', d.event_date) AS DATE) AS month
  FROM fct_user_days AS d
  WHERE TRUE /*accounts:d.customer_id*/
),
flagged AS (
  SELECT customer_id, month,
    lag(month) OVER (PARTITION BY customer_id ORDER BY month) AS previous_active,
    lead(month) OVER (PARTITION BY customer_id ORDER BY month) AS next_active
  FROM active
),
months AS (
  SELECT CAST(m.month AS DATE) AS month
  FROM params AS p
  CROSS JOIN (SELECT min(month) AS first_month FROM active) AS f
  CROSS JOIN LATERAL unnest(generate_series(CAST(f.first_month AS TIMESTAMP), CAST(p.as_of_month AS TIMESTAMP), INTERVAL 1 MONTH)) AS m(month)
),
counts AS (
  SELECT month,
    count(*) AS active_accounts,
    count(*) FILTER (WHERE previous_active IS NULL) AS new_accounts,
    count(*) FILTER (WHERE previous_active = CAST(month - INTERVAL 1 MONTH AS DATE)) AS retained_accounts,
    count(*) FILTER (WHERE previous_active < CAST(month - INTERVAL 1 MONTH AS DATE)) AS resurrected_accounts
  FROM flagged GROUP BY month
),
churn AS (
  -- An account churns in the month after an active month that is not followed by activity.
  SELECT CAST(month + INTERVAL 1 MONTH AS DATE) AS month, count(*) AS churned_accounts
  FROM flagged
  WHERE next_active IS NULL OR next_active > CAST(month + INTERVAL 1 MONTH AS DATE)
  GROUP BY 1
)
SELECT
  m.month AS activity_month,
  m.month = p.as_of_month AND p.as_of_date < last_day(p.as_of_month) AS is_partial_month,
  coalesce(c.active_accounts, 0) AS active_accounts,
  coalesce(c.new_accounts, 0) AS new_accounts,
  coalesce(c.retained_accounts, 0) AS retained_accounts,
  coalesce(c.resurrected_accounts, 0) AS resurrected_accounts,
  coalesce(ch.churned_accounts, 0) AS churned_accounts,
  CAST(coalesce(c.new_accounts, 0) + coalesce(c.resurrected_accounts, 0) AS DOUBLE) / nullif(coalesce(ch.churned_accounts, 0), 0) AS quick_ratio
FROM months AS m
CROSS JOIN params AS p
LEFT JOIN counts AS c ON c.month = m.month
LEFT JOIN churn AS ch ON ch.month = m.month
WHERE TRUE /*period:m.month as activity_month*/
ORDER BY m.month
