-- One row per user and calendar month in which the user had at least one event: the
-- activity grid that cohort retention and monthly growth accounting count.
-- @col user_id: User key.
-- @col activity_month: First day of a month in which the user was active.
-- @col events: Number of events of the user in that month.
-- @test unique: user_id, activity_month
SELECT
  user_id,
  CAST(date_trunc('month', event_date) AS DATE) AS activity_month,
  count(*) AS events
FROM stg_events
GROUP BY ALL
