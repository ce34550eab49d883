-- Users flow from one day to the next: each user active the previous day is either
-- retained or churned (retained + churned = the previous day's total_dau), so total_dau = previous
-- total_dau + new + resurrected - churned. The days are consecutive and none starts after the
-- as-of date.
-- @model social_capital_growth_accounting_daily
WITH f AS (
  SELECT activity_date, total_dau, new_users, retained_users, resurrected_users, churned_users,
    lag(total_dau) OVER (ORDER BY activity_date) AS previous_total,
    lag(activity_date) OVER (ORDER BY activity_date) AS previous_period
  FROM social_capital_growth_accounting_daily
)
SELECT f.* FROM f
CROSS JOIN run_params AS p
WHERE f.retained_users + f.churned_users <> coalesce(f.previous_total, 0)
   OR f.total_dau <> coalesce(f.previous_total, 0) + f.new_users + f.resurrected_users - f.churned_users
   OR f.previous_period <> f.activity_date - INTERVAL 1 DAY
   OR f.activity_date > p.as_of_date
