-- Daily resurrections of users by dormancy length (seed 002 user_resurrection_analysis): users
-- active today, not yesterday, but on an earlier day, grouped by the days between their
-- previous active day and today (the dormancy length: 2 to 7 short, 8 to 30 medium, 31 to 90
-- long, more than 90 very long). A user is active on a day with at least one event
-- (growth_user_days), so total_resurrections equals growth_metrics.resurrected_users. Win-back
-- campaigns show as spikes of long and very long dormancy returns. Categories and patterns are
-- the seed's, as written there (Quick Return Focus compares short with medium + long
-- dormancy, very long excluded). Every day from the first active day to the as-of date has a
-- row; 7-day averages are over the 7 days ending on the day.
-- Filterable by user and by day at query time (QUALIFY keeps the days after the 7-day averages
-- are taken).
-- @col event_date: The day.
-- @col daily_active_users: Users active on the day.
-- @col total_resurrections: Users active today, not yesterday, but before.
-- @col short_dormancy_resurrections: Resurrections after a dormancy of 2 to 7 days.
-- @col medium_dormancy_resurrections: Resurrections after a dormancy of 8 to 30 days.
-- @col long_dormancy_resurrections: Resurrections after a dormancy of 31 to 90 days.
-- @col very_long_dormancy_resurrections: Resurrections after a dormancy of more than 90 days.
-- @col resurrection_pct_of_dau: total_resurrections / daily_active_users x 100.
-- @col avg_dormancy_length: Mean days between the previous active day and the return, over the day's resurrections (NULL without any).
-- @col resurrection_effectiveness_score: (short x 1 + medium x 2 + long x 3 + very_long x 4) / daily_active_users x 100.
-- @col resurrection_quality_category: By resurrection_pct_of_dau: Excellent (30%+), Good (20-30%), Average (10-20%), Below Average (5-10%), Poor (<5%).
-- @col resurrection_pattern: No Resurrections (total 0); Quick Return Focus (short > medium + long); Long-term Recovery (long + very_long > short); else Balanced Recovery.
-- @col avg_7d_resurrections: Mean total_resurrections of the 7 days ending on the day.
-- @col avg_7d_resurrection_pct: Mean resurrection_pct_of_dau of the 7 days ending on the day (days without activity skipped).
-- @test unique: event_date
-- @test accepted_values: resurrection_quality_category = Excellent, Good, Average, Below Average, Poor
-- @test accepted_values: resurrection_pattern = No Resurrections, Quick Return Focus, Long-term Recovery, Balanced Recovery
-- @test expression(buckets_add_up): total_resurrections = short_dormancy_resurrections + medium_dormancy_resurrections + long_dormancy_resurrections + very_long_dormancy_resurrections
WITH active AS (
  SELECT event_date,
    count(*) AS dau,
    count(*) FILTER (WHERE days_since_previous >= 2) AS n_total,
    count(*) FILTER (WHERE days_since_previous BETWEEN 2 AND 7) AS n_short,
    count(*) FILTER (WHERE days_since_previous BETWEEN 8 AND 30) AS n_medium,
    count(*) FILTER (WHERE days_since_previous BETWEEN 31 AND 90) AS n_long,
    count(*) FILTER (WHERE days_since_previous > 90) AS n_very_long,
    avg(days_since_previous) FILTER (WHERE days_since_previous >= 2) AS avg_gap
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
    coalesce(a.n_total, 0) AS total_resurrections,
    coalesce(a.n_short, 0) AS short_dormancy_resurrections,
    coalesce(a.n_medium, 0) AS medium_dormancy_resurrections,
    coalesce(a.n_long, 0) AS long_dormancy_resurrections,
    coalesce(a.n_very_long, 0) AS very_long_dormancy_resurrections,
    100.0 * a.n_total / nullif(a.dau, 0) AS resurrection_pct_of_dau,
    a.avg_gap AS avg_dormancy_length
  FROM days AS d
  LEFT JOIN active AS a ON a.event_date = d.event_date
)
SELECT
  event_date,
  daily_active_users,
  total_resurrections,
  short_dormancy_resurrections,
  medium_dormancy_resurrections,
  long_dormancy_resurrections,
  very_long_dormancy_resurrections,
  resurrection_pct_of_dau,
  avg_dormancy_length,
  100.0 * (short_dormancy_resurrections + medium_dormancy_resurrections * 2 + long_dormancy_resurrections * 3 + very_long_dormancy_resurrections * 4)
    / nullif(daily_active_users, 0) AS resurrection_effectiveness_score,
  CASE
    WHEN resurrection_pct_of_dau IS NULL THEN NULL
    WHEN resurrection_pct_of_dau >= 30 THEN 'Excellent'
    WHEN resurrection_pct_of_dau >= 20 THEN 'Good'
    WHEN resurrection_pct_of_dau >= 10 THEN 'Average'
    WHEN resurrection_pct_of_dau >= 5 THEN 'Below Average'
    ELSE 'Poor'
  END AS resurrection_quality_category,
  CASE
    WHEN total_resurrections = 0 THEN 'No Resurrections'
    WHEN short_dormancy_resurrections > medium_dormancy_resurrections + long_dormancy_resurrections THEN 'Quick Return Focus'
    WHEN long_dormancy_resurrections + very_long_dormancy_resurrections > short_dormancy_resurrections THEN 'Long-term Recovery'
    ELSE 'Balanced Recovery'
  END AS resurrection_pattern,
  avg(total_resurrections) OVER w AS avg_7d_resurrections,
  avg(resurrection_pct_of_dau) OVER w AS avg_7d_resurrection_pct
FROM daily
WINDOW w AS (ORDER BY event_date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)
QUALIFY TRUE /*period:event_date as event_date*/
ORDER BY event_date
