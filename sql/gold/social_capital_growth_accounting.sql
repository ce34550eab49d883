-- Monthly growth accounting of users (seed 002 social_capital_growth_accounting; Social
-- Capital's MAU(t) = new(t) + retained(t) + resurrected(t)). A user is active in a month with
-- at least one event in it. new = first active month ever; retained = active this month and
-- the previous one; resurrected = active this month, not the previous one, but active before;
-- churned = active the previous month, not this one. Counted from growth_user_days: a user's
-- first active day of a month (its previous active day says where the user came from) and
-- last one (its next active day says whether the user is absent the month after). Every month
-- from the first active month to the as-of month has a row, months without activity too;
-- months after the as-of date have none. The as-of month is partial unless the as-of date is
-- its last day, so its churned_users (and everything built on it) is provisional. Ratios with
-- a zero denominator are NULL. growth_quality_category uses the seed's quick-ratio
-- growth-quality classes (Unknown when the quick ratio is NULL, Declining below 1.0, Healthy
-- from 1.0 to 1.5, Strong from 1.5). calculated_at is the end of the as-of date, so the same
-- seed gives the same table.
-- @col activity_month: First day of the month.
-- @col is_partial_month: TRUE for the as-of month when the as-of date is not its last day.
-- @col total_mau: Users active in the month.
-- @col new_users: Users whose first active month is this month.
-- @col retained_users: Users active in this month and in the previous month.
-- @col resurrected_users: Users active in this month, not in the previous month, but in an earlier one.
-- @col churned_users: Users active in the previous month but not in this one.
-- @col retention_rate_pct: retained_users / previous month's total_mau x 100 (NULL when that is 0 or there is no previous month).
-- @col quick_ratio: (new_users + resurrected_users) / churned_users (NULL when no user churned).
-- @col growth_quality_category: Unknown (quick_ratio NULL), Declining (< 1.0), Healthy (1.0 to < 1.5) or Strong (>= 1.5).
-- @col verification_total: new_users + retained_users + resurrected_users; equals total_mau every month.
-- @col calculated_at: End of the as-of date (deterministic calculation timestamp).
-- @test unique: activity_month
-- @test not_null: activity_month, total_mau, new_users, retained_users, resurrected_users, churned_users, growth_quality_category
-- @test accepted_values: growth_quality_category = Unknown, Declining, Healthy, Strong
WITH params AS (
  SELECT as_of_date, CAST(date_trunc('month', as_of_date) AS DATE) AS as_of_month,
    CAST(as_of_date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND AS calculated_at
  FROM run_params
),
-- Months as integers (year x 12 + month), cheaper to compare than dates with intervals.
user_days AS (
  SELECT
    year(event_date) * 12 + month(event_date) AS m,
    year(event_date - days_since_previous) * 12 + month(event_date - days_since_previous) AS previous_m,
    year(event_date + days_until_next) * 12 + month(event_date + days_until_next) AS next_m
  FROM growth_user_days
),
-- One scan: a user's first active day of a month counts the user-month; the last one says
-- whether the user is absent the month after (churned then).
flows AS (
  SELECT make_date(CAST((m - 1) // 12 AS BIGINT), CAST((m - 1) % 12 + 1 AS BIGINT), 1) AS activity_month, *
  FROM (
    SELECT m,
      count(*) FILTER (WHERE previous_m IS NULL OR previous_m < m) AS total_mau,
      count(*) FILTER (WHERE previous_m IS NULL) AS new_users,
      count(*) FILTER (WHERE previous_m = m - 1) AS retained_users,
      count(*) FILTER (WHERE previous_m < m - 1) AS resurrected_users,
      count(*) FILTER (WHERE next_m IS NULL OR next_m > m + 1) AS leaving_users
    FROM user_days
    GROUP BY m
  )
),
months AS (
  SELECT CAST(unnest(generate_series(CAST(min(f.activity_month) AS TIMESTAMP), CAST(any_value(p.as_of_month) AS TIMESTAMP), INTERVAL 1 MONTH)) AS DATE) AS activity_month
  FROM flows AS f
  CROSS JOIN params AS p
),
counts AS (
  SELECT
    mo.activity_month,
    coalesce(f.total_mau, 0) AS total_mau,
    coalesce(f.new_users, 0) AS new_users,
    coalesce(f.retained_users, 0) AS retained_users,
    coalesce(f.resurrected_users, 0) AS resurrected_users,
    coalesce(lag(f.leaving_users) OVER (ORDER BY mo.activity_month), 0) AS churned_users,
    lag(coalesce(f.total_mau, 0)) OVER (ORDER BY mo.activity_month) AS previous_total
  FROM months AS mo
  LEFT JOIN flows AS f ON f.activity_month = mo.activity_month
),
ratios AS (
  SELECT *, CAST(new_users + resurrected_users AS DOUBLE) / nullif(churned_users, 0) AS quick_ratio FROM counts
)
SELECT
  r.activity_month,
  last_day(r.activity_month) > p.as_of_date AS is_partial_month,
  r.total_mau,
  r.new_users,
  r.retained_users,
  r.resurrected_users,
  r.churned_users,
  100.0 * r.retained_users / nullif(r.previous_total, 0) AS retention_rate_pct,
  r.quick_ratio,
  CASE
    WHEN r.quick_ratio IS NULL THEN 'Unknown'
    WHEN r.quick_ratio < 1.0 THEN 'Declining'
    WHEN r.quick_ratio < 1.5 THEN 'Healthy'
    ELSE 'Strong'
  END AS growth_quality_category,
  r.new_users + r.retained_users + r.resurrected_users AS verification_total,
  p.calculated_at
FROM ratios AS r
CROSS JOIN params AS p
ORDER BY r.activity_month
