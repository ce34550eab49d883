-- The power-user curve (L28): users by the number of days they were active in the 28 days
-- ending on the as-of date (as-of date - 27 to the as-of date), from 0 to 28. Every user of
-- dim_users (active at least once by the as-of date) is counted once, so the 0 row holds the
-- users not active in those 28 days. Every value 0 to 28 has a row, with 0 users when none.
-- Filterable by user at query time; a date range does not apply (the window is the 28 days to
-- the as-of date).
-- @col days_active: Days active in the 28 days ending on the as-of date, 0 to 28.
-- @col users: Users with that many active days.
-- @col share_of_users_pct: users / all users of dim_users x 100.
-- @col share_of_active_users_pct: users / users active at least one of the 28 days x 100 (the usual L28 curve; NULL for days_active 0).
-- @col window_start: First day of the 28-day window (as-of date - 27).
-- @col window_end: Last day of the 28-day window (the as-of date).
-- @test unique: days_active
-- @test not_null: days_active, users
-- @test expression(days_in_range): days_active BETWEEN 0 AND 28
WITH params AS (
  SELECT CAST(as_of_date - 27 AS DATE) AS window_start, as_of_date AS window_end FROM run_params
),
l28 AS (
  SELECT u.user_id, count(*) AS days_active
  FROM fct_user_days AS u
  CROSS JOIN params AS p
  WHERE u.event_date BETWEEN p.window_start AND p.window_end AND TRUE /*users:u.user_id*/
  GROUP BY u.user_id
),
histogram AS (
  SELECT days_active, count(*) AS users FROM l28 GROUP BY days_active
),
totals AS (
  SELECT (SELECT count(*) FROM dim_users AS d WHERE TRUE /*users:d.user_id*/) AS all_users, (SELECT count(*) FROM l28) AS active_users
),
buckets AS (
  SELECT CAST(b.days_active AS BIGINT) AS days_active,
    CASE WHEN b.days_active = 0 THEN t.all_users - t.active_users ELSE coalesce(h.users, 0) END AS users
  FROM range(0, 29) AS b(days_active)
  CROSS JOIN totals AS t
  LEFT JOIN histogram AS h ON h.days_active = b.days_active
)
SELECT
  b.days_active,
  b.users,
  100.0 * b.users / nullif(t.all_users, 0) AS share_of_users_pct,
  CASE WHEN b.days_active > 0 THEN 100.0 * b.users / nullif(t.active_users, 0) END AS share_of_active_users_pct,
  p.window_start,
  p.window_end
FROM buckets AS b
CROSS JOIN totals AS t
CROSS JOIN params AS p
ORDER BY b.days_active
