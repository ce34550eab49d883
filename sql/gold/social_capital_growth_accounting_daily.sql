-- Daily growth accounting of users: social_capital_growth_accounting's logic per day. A user
-- is active on a day with at least one event (growth_user_days). new = first active day ever;
-- retained = active today and yesterday; resurrected = active today, not yesterday, but active
-- before; churned = active yesterday, not today. Every day from the first active day to the
-- as-of date has a row (days without activity too); data is complete through the as-of date,
-- so no day is partial. Ratios with a zero denominator are NULL; growth_quality_category uses
-- the seed's daily growth-quality classes. calculated_at is the end of the as-of date
-- (deterministic).
-- @col activity_date: The day.
-- @col total_dau: Users active on the day.
-- @col new_users: Users whose first active day is this day.
-- @col retained_users: Users active on this day and the day before.
-- @col resurrected_users: Users active on this day, not the day before, but on an earlier day.
-- @col churned_users: Users active the day before but not on this day.
-- @col retention_rate_pct: retained_users / previous day's total_dau x 100 (NULL when that is 0 or there is no previous day).
-- @col quick_ratio: (new_users + resurrected_users) / churned_users (NULL when no user churned).
-- @col growth_quality_category: Unknown (quick_ratio NULL), Declining (< 1.0), Healthy (1.0 to < 1.5) or Strong (>= 1.5).
-- @col verification_total: new_users + retained_users + resurrected_users; equals total_dau every day.
-- @col calculated_at: End of the as-of date (deterministic calculation timestamp).
-- @test unique: activity_date
-- @test not_null: activity_date, total_dau, new_users, retained_users, resurrected_users, churned_users, growth_quality_category
-- @test accepted_values: growth_quality_category = Unknown, Declining, Healthy, Strong
WITH params AS (
  SELECT as_of_date, CAST(as_of_date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND AS calculated_at
  FROM run_params
),
-- One scan: who is active each day, how each came, and how many are not active the next day
-- (they churn on the following day).
flows AS (
  SELECT event_date,
    count(*) AS total_dau,
    count(*) FILTER (WHERE days_since_previous IS NULL) AS new_users,
    count(*) FILTER (WHERE days_since_previous = 1) AS retained_users,
    count(*) FILTER (WHERE days_since_previous > 1) AS resurrected_users,
    count(*) FILTER (WHERE days_until_next IS NULL OR days_until_next > 1) AS leaving_users
  FROM growth_user_days
  GROUP BY event_date
),
days AS (
  SELECT CAST(unnest(generate_series(CAST(min(f.event_date) AS TIMESTAMP), CAST(any_value(p.as_of_date) AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS activity_date
  FROM flows AS f
  CROSS JOIN params AS p
),
counts AS (
  SELECT
    d.activity_date,
    coalesce(f.total_dau, 0) AS total_dau,
    coalesce(f.new_users, 0) AS new_users,
    coalesce(f.retained_users, 0) AS retained_users,
    coalesce(f.resurrected_users, 0) AS resurrected_users,
    coalesce(lag(f.leaving_users) OVER (ORDER BY d.activity_date), 0) AS churned_users,
    lag(coalesce(f.total_dau, 0)) OVER (ORDER BY d.activity_date) AS previous_total
  FROM days AS d
  LEFT JOIN flows AS f ON f.event_date = d.activity_date
),
ratios AS (
  SELECT *, CAST(new_users + resurrected_users AS DOUBLE) / nullif(churned_users, 0) AS quick_ratio FROM counts
)
SELECT
  r.activity_date,
  r.total_dau,
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
ORDER BY r.activity_date
