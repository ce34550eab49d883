-- Monthly user cohort retention (seed 002 retention_cohorts; "on" retention): of the users
-- whose first active month is cohort_month, the share active in exactly the month
-- period_number months later. Periods after the as-of month have no row: they are censored,
-- not zero. The as-of month itself is flagged partial unless the as-of date is its last day.
-- Filterable by user and by cohort month at query time.
-- @col cohort_month: Month of the users' first activity.
-- @col period_number: Months since cohort_month (0 = the cohort month).
-- @col period_month: Calendar month of the period.
-- @col users_active: Users of the cohort active in period_month.
-- @col cohort_size: Users in the cohort.
-- @col retention_rate: users_active / cohort_size * 100.
-- @col is_partial_period: TRUE when period_month is not over at the as-of date.
-- @test unique: cohort_month, period_number
-- @test not_null: cohort_month, period_number, period_month, users_active, cohort_size
WITH params AS (
  SELECT as_of_date, CAST(date_trunc('month', as_of_date) AS DATE) AS as_of_month
  FROM run_params
),
cohorts AS (
  SELECT user_id, min(activity_month) AS cohort_month
  FROM fct_user_months AS u
  WHERE TRUE /*users:u.user_id*/
  GROUP BY user_id
  HAVING TRUE /*period:cohort_month as cohort_month*/
),
sizes AS (
  SELECT cohort_month, count(*) AS cohort_size
  FROM cohorts
  GROUP BY cohort_month
),
grid AS (
  SELECT s.cohort_month, s.cohort_size, o.period_number, CAST(s.cohort_month + to_months(o.period_number) AS DATE) AS period_month
  FROM sizes AS s
  CROSS JOIN range(0, 1200) AS o(period_number)
  CROSS JOIN params AS p
  WHERE s.cohort_month + to_months(o.period_number) <= p.as_of_month
),
active AS (
  SELECT c.cohort_month, datediff('month', c.cohort_month, m.activity_month) AS period_number, count(*) AS users_active
  FROM fct_user_months AS m
  JOIN cohorts AS c ON c.user_id = m.user_id
  GROUP BY ALL
)
SELECT
  g.cohort_month,
  CAST(g.period_number AS INTEGER) AS period_number,
  g.period_month,
  coalesce(a.users_active, 0) AS users_active,
  g.cohort_size,
  100.0 * coalesce(a.users_active, 0) / g.cohort_size AS retention_rate,
  g.period_month = p.as_of_month AND p.as_of_date < last_day(p.as_of_month) AS is_partial_period
FROM grid AS g
LEFT JOIN active AS a ON a.cohort_month = g.cohort_month AND a.period_number = g.period_number
CROSS JOIN params AS p
ORDER BY g.cohort_month, g.period_number
