-- Users flow from one month to the next: each user active the previous month is either
-- retained or churned (retained + churned = the previous month's total_mau), so total_mau = previous
-- total_mau + new + resurrected - churned. The months are consecutive and none starts after the
-- as-of date.
-- @model social_capital_growth_accounting
WITH f AS (
  SELECT activity_month, total_mau, new_users, retained_users, resurrected_users, churned_users,
    lag(total_mau) OVER (ORDER BY activity_month) AS previous_total,
    lag(activity_month) OVER (ORDER BY activity_month) AS previous_period
  FROM social_capital_growth_accounting
)
SELECT f.* FROM f
CROSS JOIN run_params AS p
WHERE f.retained_users + f.churned_users <> coalesce(f.previous_total, 0)
   OR f.total_mau <> coalesce(f.previous_total, 0) + f.new_users + f.resurrected_users - f.churned_users
   OR f.previous_period <> f.activity_month - INTERVAL 1 MONTH
   OR f.activity_month > p.as_of_date
