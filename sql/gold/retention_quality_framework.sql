-- Daily retention quality of users (seed 002 retention_quality_framework): each day's active
-- users by lifecycle stage (days since their first active day) and by how recently they were
-- active before, with the seed's health score and categories. A user is active on a day with
-- at least one event (growth_user_days). returning_week_users came back after 2 to 7 days
-- (previous active day 2 to 7 days earlier), returning_long_gap_users after 8 days or more;
-- first-day users are in neither. The health score is the seed's (consecutive x 3 +
-- returning_week x 2 + returning_long) / (total x 3), on a 0-100 scale. Both categories are
-- read from consecutive_today_pct. Every day from the first active day to the as-of date has a
-- row; a day without activity has NULL percentages, score and categories.
-- Filterable by user and by day at query time.
-- @col event_date: The day.
-- @col daily_active_users: Users active on the day.
-- @col new_stage_users: Active users in their first days: 0 to 7 days since their first active day.
-- @col growing_stage_users: Active users 8 to 30 days after their first active day.
-- @col established_stage_users: Active users 31 to 90 days after their first active day.
-- @col mature_stage_users: Active users more than 90 days after their first active day.
-- @col users_consecutive_today: Users active today and yesterday.
-- @col consecutive_today_pct: users_consecutive_today / daily_active_users x 100.
-- @col returning_week_users: Users active today whose previous active day was 2 to 7 days before.
-- @col returning_long_gap_users: Users active today whose previous active day was 8 or more days before.
-- @col daily_retention_health_score: round(100 x (users_consecutive_today x 3 + returning_week_users x 2 + returning_long_gap_users) / (daily_active_users x 3)), 0 to 100.
-- @col retention_quality_category: By consecutive_today_pct: Excellent (80%+), Good (60-80%), Average (40-60%), Below Average (20-40%), Poor (<20%).
-- @col engagement_trend: By consecutive_today_pct: High Engagement (> 70 %), Moderate Engagement (40 to 70 %), Low Engagement (< 40 %).
-- @test unique: event_date
-- @test accepted_values: retention_quality_category = Excellent, Good, Average, Below Average, Poor
-- @test accepted_values: engagement_trend = High Engagement, Moderate Engagement, Low Engagement
-- @test expression(stages_add_up): new_stage_users + growing_stage_users + established_stage_users + mature_stage_users = daily_active_users
-- @test expression(score_in_range): daily_retention_health_score IS NULL OR daily_retention_health_score BETWEEN 0 AND 100
WITH active AS (
  SELECT event_date,
    count(*) AS dau,
    count(*) FILTER (WHERE days_since_first <= 7) AS new_stage_users,
    count(*) FILTER (WHERE days_since_first BETWEEN 8 AND 30) AS growing_stage_users,
    count(*) FILTER (WHERE days_since_first BETWEEN 31 AND 90) AS established_stage_users,
    count(*) FILTER (WHERE days_since_first > 90) AS mature_stage_users,
    count(*) FILTER (WHERE days_since_previous = 1) AS consecutive,
    count(*) FILTER (WHERE days_since_previous BETWEEN 2 AND 7) AS returning_week,
    count(*) FILTER (WHERE days_since_previous >= 8) AS returning_long
  FROM growth_user_days AS u
  WHERE TRUE /*users:u.user_id*/
  GROUP BY event_date
),
days AS (
  SELECT CAST(unnest(generate_series(CAST(min(a.event_date) AS TIMESTAMP), CAST(any_value(p.as_of_date) AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS event_date
  FROM active AS a
  CROSS JOIN run_params AS p
),
daily AS (
  SELECT
    d.event_date,
    coalesce(a.dau, 0) AS daily_active_users,
    coalesce(a.new_stage_users, 0) AS new_stage_users,
    coalesce(a.growing_stage_users, 0) AS growing_stage_users,
    coalesce(a.established_stage_users, 0) AS established_stage_users,
    coalesce(a.mature_stage_users, 0) AS mature_stage_users,
    coalesce(a.consecutive, 0) AS users_consecutive_today,
    100.0 * a.consecutive / nullif(a.dau, 0) AS consecutive_today_pct,
    coalesce(a.returning_week, 0) AS returning_week_users,
    coalesce(a.returning_long, 0) AS returning_long_gap_users
  FROM days AS d
  LEFT JOIN active AS a ON a.event_date = d.event_date
)
SELECT
  event_date,
  daily_active_users,
  new_stage_users,
  growing_stage_users,
  established_stage_users,
  mature_stage_users,
  users_consecutive_today,
  consecutive_today_pct,
  returning_week_users,
  returning_long_gap_users,
  CAST(round(100.0 * (users_consecutive_today * 3 + returning_week_users * 2 + returning_long_gap_users) / nullif(daily_active_users * 3, 0)) AS INTEGER) AS daily_retention_health_score,
  CASE
    WHEN consecutive_today_pct IS NULL THEN NULL
    WHEN consecutive_today_pct >= 80 THEN 'Excellent'
    WHEN consecutive_today_pct >= 60 THEN 'Good'
    WHEN consecutive_today_pct >= 40 THEN 'Average'
    WHEN consecutive_today_pct >= 20 THEN 'Below Average'
    ELSE 'Poor'
  END AS retention_quality_category,
  CASE
    WHEN consecutive_today_pct IS NULL THEN NULL
    WHEN consecutive_today_pct > 70 THEN 'High Engagement'
    WHEN consecutive_today_pct >= 40 THEN 'Moderate Engagement'
    ELSE 'Low Engagement'
  END AS engagement_trend
FROM daily
WHERE TRUE /*period:event_date as event_date*/
ORDER BY event_date
