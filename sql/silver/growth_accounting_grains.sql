-- Growth accounting of users at every grain (day, ISO week from Monday, calendar month), the
-- one place its logic lives; social_capital_growth_accounting and its _weekly and _daily
-- variants are projections of it. A user is active in a period with at least one event in
-- it: new = first active period ever; retained = active this period and the previous one;
-- resurrected = active this period, not the previous one, but active before; churned =
-- active the previous period, not this one. Counted from growth_user_days in one scan per
-- grain: a user's first active day of a period (its previous active day says where the user
-- came from) and last one (its next active day says whether the user is absent the period
-- after). Periods are integers (days since 1970-01-01, weeks since Monday 1970-01-05,
-- year x 12 + month): cheaper than truncated dates. Every period from the first activity to
-- the as-of period has a row; the as-of week or month is partial unless it ends on the as-of
-- date, so its churn is provisional. growth_quality_category uses the seed's quick-ratio
-- classes; calculated_at is the end of the as-of date (deterministic). Filterable by user at
-- query time (the seed 002 marts are projections of this query).
-- @col grain: day, week or month.
-- @col period_start: First day of the period.
-- @col is_partial: TRUE when the period is not over at the as-of date.
-- @col total_active: Users active in the period.
-- @col new_users: Users whose first active period is this one.
-- @col retained_users: Users active in this period and the previous one.
-- @col resurrected_users: Users active in this period, not the previous one, but an earlier one.
-- @col churned_users: Users active in the previous period but not in this one.
-- @col retention_rate_pct: retained_users / the previous period's total_active x 100 (NULL when that is 0 or there is none).
-- @col quick_ratio: (new_users + resurrected_users) / churned_users (NULL when no user churned).
-- @col growth_quality_category: Unknown (quick_ratio NULL), Declining (< 1.0), Healthy (1.0 to < 1.5) or Strong (>= 1.5).
-- @col verification_total: new_users + retained_users + resurrected_users; equals total_active.
-- @col calculated_at: End of the as-of date (deterministic calculation timestamp).
-- @test unique: grain, period_start
-- @test expression(verification): verification_total = total_active
WITH params AS (
  SELECT as_of_date, CAST(as_of_date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND AS calculated_at FROM run_params
),
user_days AS (
  SELECT 'day' AS grain, event_date - DATE '1970-01-01' AS p,
    event_date - days_since_previous - DATE '1970-01-01' AS previous_p,
    event_date + days_until_next - DATE '1970-01-01' AS next_p
  FROM growth_user_days AS u
  WHERE TRUE /*users:u.user_id*/
  UNION ALL
  SELECT 'week', (event_date - DATE '1970-01-05') // 7,
    (event_date - days_since_previous - DATE '1970-01-05') // 7,
    (event_date + days_until_next - DATE '1970-01-05') // 7
  FROM growth_user_days AS u
  WHERE TRUE /*users:u.user_id*/
  UNION ALL
  SELECT 'month', year(event_date) * 12 + month(event_date) - 1,
    year(event_date - days_since_previous) * 12 + month(event_date - days_since_previous) - 1,
    year(event_date + days_until_next) * 12 + month(event_date + days_until_next) - 1
  FROM growth_user_days AS u
  WHERE TRUE /*users:u.user_id*/
),
-- A user-period is counted on the user's first active day of it; its last active day says
-- whether the user is absent the period after (churned then).
flows AS (
  SELECT grain, p,
    count(*) FILTER (WHERE previous_p IS NULL OR previous_p < p) AS total_active,
    count(*) FILTER (WHERE previous_p IS NULL) AS new_users,
    count(*) FILTER (WHERE previous_p = p - 1) AS retained_users,
    count(*) FILTER (WHERE previous_p < p - 1) AS resurrected_users,
    count(*) FILTER (WHERE next_p IS NULL OR next_p > p + 1) AS leaving_users
  FROM user_days
  GROUP BY grain, p
),
bounds AS (
  SELECT f.grain, min(f.p) AS first_p,
    CASE f.grain
      WHEN 'day' THEN any_value(pr.as_of_date) - DATE '1970-01-01'
      WHEN 'week' THEN (any_value(pr.as_of_date) - DATE '1970-01-05') // 7
      ELSE year(any_value(pr.as_of_date)) * 12 + month(any_value(pr.as_of_date)) - 1
    END AS last_p
  FROM flows AS f
  CROSS JOIN params AS pr
  GROUP BY f.grain
),
grid AS (
  SELECT b.grain, CAST(r.p AS BIGINT) AS p FROM bounds AS b CROSS JOIN LATERAL range(b.first_p, b.last_p + 1) AS r(p)
),
counts AS (
  SELECT
    g.grain, g.p,
    coalesce(f.total_active, 0) AS total_active,
    coalesce(f.new_users, 0) AS new_users,
    coalesce(f.retained_users, 0) AS retained_users,
    coalesce(f.resurrected_users, 0) AS resurrected_users,
    coalesce(lag(f.leaving_users) OVER (PARTITION BY g.grain ORDER BY g.p), 0) AS churned_users,
    lag(coalesce(f.total_active, 0)) OVER (PARTITION BY g.grain ORDER BY g.p) AS previous_total
  FROM grid AS g
  LEFT JOIN flows AS f ON f.grain = g.grain AND f.p = g.p
),
dated AS (
  SELECT *,
    CASE grain
      WHEN 'day' THEN DATE '1970-01-01' + CAST(p AS INTEGER)
      WHEN 'week' THEN DATE '1970-01-05' + CAST(7 * p AS INTEGER)
      ELSE make_date(CAST(p // 12 AS INTEGER), CAST(p % 12 + 1 AS INTEGER), 1)
    END AS period_start,
    CAST(new_users + resurrected_users AS DOUBLE) / nullif(churned_users, 0) AS quick_ratio
  FROM counts
)
SELECT
  d.grain,
  d.period_start,
  CASE d.grain WHEN 'day' THEN false WHEN 'week' THEN d.period_start + 6 > pr.as_of_date ELSE last_day(d.period_start) > pr.as_of_date END AS is_partial,
  d.total_active,
  d.new_users,
  d.retained_users,
  d.resurrected_users,
  d.churned_users,
  100.0 * d.retained_users / nullif(d.previous_total, 0) AS retention_rate_pct,
  d.quick_ratio,
  CASE
    WHEN d.quick_ratio IS NULL THEN 'Unknown'
    WHEN d.quick_ratio < 1.0 THEN 'Declining'
    WHEN d.quick_ratio < 1.5 THEN 'Healthy'
    ELSE 'Strong'
  END AS growth_quality_category,
  d.new_users + d.retained_users + d.resurrected_users AS verification_total,
  pr.calculated_at
FROM dated AS d
CROSS JOIN params AS pr
ORDER BY d.grain, d.period_start
