-- Users flow from one week to the next: each user active the previous week is either
-- retained or churned (retained + churned = the previous week's total_wau), so total_wau = previous
-- total_wau + new + resurrected - churned. The weeks are consecutive and none starts after the
-- as-of date.
-- @model social_capital_growth_accounting_weekly
WITH f AS (
  SELECT activity_week, total_wau, new_users, retained_users, resurrected_users, churned_users,
    lag(total_wau) OVER (ORDER BY activity_week) AS previous_total,
    lag(activity_week) OVER (ORDER BY activity_week) AS previous_period
  FROM social_capital_growth_accounting_weekly
)
SELECT f.* FROM f
CROSS JOIN run_params AS p
WHERE f.retained_users + f.churned_users <> coalesce(f.previous_total, 0)
   OR f.total_wau <> coalesce(f.previous_total, 0) + f.new_users + f.resurrected_users - f.churned_users
   OR f.previous_period <> f.activity_week - INTERVAL 1 WEEK
   OR f.activity_week > p.as_of_date
