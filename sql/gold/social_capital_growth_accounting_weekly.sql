-- Weekly growth accounting of users: social_capital_growth_accounting's logic per ISO week
-- (weeks start on Monday). A user is active in a week with at least one event in it. new =
-- first active week ever; retained = active this week and the previous one; resurrected =
-- active this week, not the previous one, but active before; churned = active the previous
-- week, not this one. Counted from growth_user_days: a user's first active day of a week
-- (its previous active day says where the user came from) and last one (its next active day
-- says whether the user is absent the week after). Every week from the first active week to
-- the as-of week has a row; the as-of week is partial unless the as-of date is a Sunday, so
-- its churn is provisional. Ratios with a zero denominator are NULL; growth_quality_category
-- uses the seed's quick-ratio growth-quality classes. calculated_at is the end of the as-of
-- date (deterministic).
-- @col activity_week: Monday of the ISO week.
-- @col is_partial_week: TRUE for the as-of week when the as-of date is not its Sunday.
-- @col total_wau: Users active in the week.
-- @col new_users: Users whose first active week is this week.
-- @col retained_users: Users active in this week and in the previous week.
-- @col resurrected_users: Users active in this week, not in the previous week, but in an earlier one.
-- @col churned_users: Users active in the previous week but not in this one.
-- @col retention_rate_pct: retained_users / previous week's total_wau x 100 (NULL when that is 0 or there is no previous week).
-- @col quick_ratio: (new_users + resurrected_users) / churned_users (NULL when no user churned).
-- @col growth_quality_category: Unknown (quick_ratio NULL), Declining (< 1.0), Healthy (1.0 to < 1.5) or Strong (>= 1.5).
-- @col verification_total: new_users + retained_users + resurrected_users; equals total_wau every week.
-- @col calculated_at: End of the as-of date (deterministic calculation timestamp).
-- @test unique: activity_week
-- @test not_null: activity_week, total_wau, new_users, retained_users, resurrected_users, churned_users, growth_quality_category
-- @test accepted_values: growth_quality_category = Unknown, Declining, Healthy, Strong
-- @test expression(starts_on_monday): isodow(activity_week) = 1
WITH params AS (
  SELECT as_of_date, CAST(date_trunc('week', as_of_date) AS DATE) AS as_of_week,
    CAST(as_of_date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND AS calculated_at
  FROM run_params
),
-- Weeks as integers: whole weeks since Monday 5 January 1970, cheaper than truncating dates.
user_days AS (
  SELECT
    (event_date - DATE '1970-01-05') // 7 AS w,
    (event_date - days_since_previous - DATE '1970-01-05') // 7 AS previous_w,
    (event_date + days_until_next - DATE '1970-01-05') // 7 AS next_w
  FROM growth_user_days
),
-- One scan: a user's first active day of a week counts the user-week; the last one says
-- whether the user is absent the week after (churned then).
flows AS (
  SELECT DATE '1970-01-05' + CAST(7 * w AS INTEGER) AS activity_week, *
  FROM (
    SELECT w,
      count(*) FILTER (WHERE previous_w IS NULL OR previous_w < w) AS total_wau,
      count(*) FILTER (WHERE previous_w IS NULL) AS new_users,
      count(*) FILTER (WHERE previous_w = w - 1) AS retained_users,
      count(*) FILTER (WHERE previous_w < w - 1) AS resurrected_users,
      count(*) FILTER (WHERE next_w IS NULL OR next_w > w + 1) AS leaving_users
    FROM user_days
    GROUP BY w
  )
),
weeks AS (
  SELECT CAST(unnest(generate_series(CAST(min(f.activity_week) AS TIMESTAMP), CAST(any_value(p.as_of_week) AS TIMESTAMP), INTERVAL 7 DAY)) AS DATE) AS activity_week
  FROM flows AS f
  CROSS JOIN params AS p
),
counts AS (
  SELECT
    wk.activity_week,
    coalesce(f.total_wau, 0) AS total_wau,
    coalesce(f.new_users, 0) AS new_users,
    coalesce(f.retained_users, 0) AS retained_users,
    coalesce(f.resurrected_users, 0) AS resurrected_users,
    coalesce(lag(f.leaving_users) OVER (ORDER BY wk.activity_week), 0) AS churned_users,
    lag(coalesce(f.total_wau, 0)) OVER (ORDER BY wk.activity_week) AS previous_total
  FROM weeks AS wk
  LEFT JOIN flows AS f ON f.activity_week = wk.activity_week
),
ratios AS (
  SELECT *, CAST(new_users + resurrected_users AS DOUBLE) / nullif(churned_users, 0) AS quick_ratio FROM counts
)
SELECT
  r.activity_week,
  r.activity_week + 6 > p.as_of_date AS is_partial_week,
  r.total_wau,
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
ORDER BY r.activity_week
