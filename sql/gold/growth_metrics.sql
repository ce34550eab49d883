-- Daily growth metrics of users (seed 002 growth_metrics): DAU and its Social Capital
-- decomposition (new = first active day ever, retained = active today and yesterday,
-- resurrected = active today, not yesterday, but before; churned = active yesterday, not
-- today; taken from social_capital_growth_accounting_daily), the daily quick ratio, rolling
-- 7, 28 and 30-day active users, DAU averages and stickiness. A user is active on a day with at
-- least one event. Every day from the first active day to the as-of date has a row; data is
-- complete through the as-of date, so no day is partial, but rolling figures of the first 29
-- days cover only the days since the first active day. Rolling active users are exact
-- distinct counts derived from each user's consecutive active days: a user is in the k-day
-- window ending on day e when the user's latest active day d <= e has e - d < k, so active day
-- d counts for the windows ending on d up to min(next active day, d + k) - 1 (a difference
-- array over dates from growth_user_days, summed in date order). Ratios with a zero
-- denominator are NULL. daily_growth_quality and activity_trend_7d follow the seed's
-- definitions. calculated_at is the end of the as-of date (deterministic).
-- Filterable by user (here and through social_capital_growth_accounting_daily) and by day at
-- query time; a kept day's rolling figures still count the days before it.
-- @col event_date: The day.
-- @col daily_active_users: Users active on the day.
-- @col new_users: Users whose first active day is this day.
-- @col retained_users: Users active today and yesterday.
-- @col resurrected_users: Users active today, not yesterday, but on an earlier day.
-- @col churned_users: Users active yesterday but not today.
-- @col dau_growth: daily_active_users - the previous day's (NULL on the first day).
-- @col new_users_pct: new_users / daily_active_users x 100.
-- @col retained_users_pct: retained_users / daily_active_users x 100.
-- @col resurrected_users_pct: resurrected_users / daily_active_users x 100.
-- @col daily_quick_ratio: (new_users + resurrected_users) / churned_users (NULL when no user churned).
-- @col day_over_day_retention_pct: retained_users / the previous day's daily_active_users x 100.
-- @col weekly_active_users_7d: Distinct users active in the 7 days ending on the day.
-- @col active_users_28d: Distinct users active in the 28 days ending on the day (Social Capital's MAU).
-- @col monthly_active_users_30d: Distinct users active in the 30 days ending on the day (traditional MAU).
-- @col weekly_avg_dau: Mean daily_active_users of the 7 days ending on the day.
-- @col monthly_avg_dau: Mean daily_active_users of the 30 days ending on the day.
-- @col dau_wau_stickiness: daily_active_users / weekly_active_users_7d x 100.
-- @col dau_mau_stickiness: daily_active_users / monthly_active_users_30d x 100.
-- @col wau_mau_stickiness: weekly_active_users_7d / monthly_active_users_30d x 100.
-- @col daily_growth_quality: Unknown (daily_quick_ratio NULL), Declining (< 1.0), Healthy (1.0 to < 1.5) or Strong (>= 1.5).
-- @col activity_trend_7d: Trending Up (DAU above weekly_avg_dau), Trending Down (below it) or Stable (equal to it).
-- @col calculated_at: End of the as-of date (deterministic calculation timestamp).
-- @test unique: event_date
-- @test not_null: daily_active_users, new_users, retained_users, resurrected_users, churned_users, weekly_active_users_7d, active_users_28d, monthly_active_users_30d
-- @test accepted_values: daily_growth_quality = Unknown, Declining, Healthy, Strong
-- @test accepted_values: activity_trend_7d = Trending Up, Trending Down, Stable
-- @test expression(decomposition): daily_active_users = new_users + retained_users + resurrected_users
-- @test expression(rolling_windows_nested): daily_active_users <= weekly_active_users_7d AND weekly_active_users_7d <= active_users_28d AND active_users_28d <= monthly_active_users_30d
WITH params AS (
  SELECT as_of_date, CAST(as_of_date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND AS calculated_at
  FROM run_params
),
-- Active days by the gap to the next one, capped at 30 (all the windows need): one scan.
next_gaps AS (
  SELECT event_date, least(coalesce(days_until_next, 30), 30) AS gap, count(*) AS n
  FROM growth_user_days AS u
  WHERE TRUE /*users:u.user_id*/
  GROUP BY event_date, gap
),
-- The day each active day stops counting in the 7, 28 and 30-day windows.
exits_7d AS (SELECT event_date + least(gap, 7) AS event_date, sum(n) AS n FROM next_gaps GROUP BY 1),
exits_28d AS (SELECT event_date + least(gap, 28) AS event_date, sum(n) AS n FROM next_gaps GROUP BY 1),
exits_30d AS (SELECT event_date + gap AS event_date, sum(n) AS n FROM next_gaps GROUP BY 1),
daily AS (
  SELECT
    d.activity_date AS event_date,
    d.total_dau AS daily_active_users,
    d.new_users,
    d.retained_users,
    d.resurrected_users,
    d.churned_users,
    d.quick_ratio AS daily_quick_ratio,
    coalesce(x7.n, 0) AS exits_7d,
    coalesce(x28.n, 0) AS exits_28d,
    coalesce(x30.n, 0) AS exits_30d
  FROM social_capital_growth_accounting_daily AS d
  LEFT JOIN exits_7d AS x7 ON x7.event_date = d.activity_date
  LEFT JOIN exits_28d AS x28 ON x28.event_date = d.activity_date
  LEFT JOIN exits_30d AS x30 ON x30.event_date = d.activity_date
),
rolling AS (
  SELECT *,
    lag(daily_active_users) OVER w AS previous_dau,
    CAST(sum(daily_active_users - exits_7d) OVER w AS BIGINT) AS weekly_active_users_7d,
    CAST(sum(daily_active_users - exits_28d) OVER w AS BIGINT) AS active_users_28d,
    CAST(sum(daily_active_users - exits_30d) OVER w AS BIGINT) AS monthly_active_users_30d,
    avg(daily_active_users) OVER (ORDER BY event_date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS weekly_avg_dau,
    avg(daily_active_users) OVER (ORDER BY event_date ROWS BETWEEN 29 PRECEDING AND CURRENT ROW) AS monthly_avg_dau
  FROM daily
  WINDOW w AS (ORDER BY event_date ROWS UNBOUNDED PRECEDING)
)
SELECT
  r.event_date,
  r.daily_active_users,
  r.new_users,
  r.retained_users,
  r.resurrected_users,
  r.churned_users,
  r.daily_active_users - r.previous_dau AS dau_growth,
  100.0 * r.new_users / nullif(r.daily_active_users, 0) AS new_users_pct,
  100.0 * r.retained_users / nullif(r.daily_active_users, 0) AS retained_users_pct,
  100.0 * r.resurrected_users / nullif(r.daily_active_users, 0) AS resurrected_users_pct,
  r.daily_quick_ratio,
  100.0 * r.retained_users / nullif(r.previous_dau, 0) AS day_over_day_retention_pct,
  r.weekly_active_users_7d,
  r.active_users_28d,
  r.monthly_active_users_30d,
  r.weekly_avg_dau,
  r.monthly_avg_dau,
  100.0 * r.daily_active_users / nullif(r.weekly_active_users_7d, 0) AS dau_wau_stickiness,
  100.0 * r.daily_active_users / nullif(r.monthly_active_users_30d, 0) AS dau_mau_stickiness,
  100.0 * r.weekly_active_users_7d / nullif(r.monthly_active_users_30d, 0) AS wau_mau_stickiness,
  CASE
    WHEN r.daily_quick_ratio IS NULL THEN 'Unknown'
    WHEN r.daily_quick_ratio < 1.0 THEN 'Declining'
    WHEN r.daily_quick_ratio < 1.5 THEN 'Healthy'
    ELSE 'Strong'
  END AS daily_growth_quality,
  CASE
    WHEN r.daily_active_users > r.weekly_avg_dau THEN 'Trending Up'
    WHEN r.daily_active_users < r.weekly_avg_dau THEN 'Trending Down'
    ELSE 'Stable'
  END AS activity_trend_7d,
  p.calculated_at
FROM rolling AS r
CROSS JOIN params AS p
WHERE TRUE /*period:r.event_date as event_date*/
ORDER BY r.event_date
