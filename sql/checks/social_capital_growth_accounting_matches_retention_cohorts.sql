-- Monthly growth accounting agrees with the cohort triangle: a month's MAU is the sum of its
-- cohorts' active users, and its new users are the size of the cohort that starts in it.
-- @model social_capital_growth_accounting
WITH cohorts AS (
  SELECT period_month, sum(users_active) AS active, sum(cohort_size) FILTER (WHERE period_number = 0) AS starting
  FROM retention_cohorts
  GROUP BY period_month
)
SELECT s.activity_month, s.total_mau, c.active, s.new_users, c.starting
FROM social_capital_growth_accounting AS s
LEFT JOIN cohorts AS c ON c.period_month = s.activity_month
WHERE s.total_mau <> coalesce(c.active, 0) OR s.new_users <> coalesce(c.starting, 0)
