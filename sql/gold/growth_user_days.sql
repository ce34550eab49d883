-- One row per user and active day with the gaps to the user's first, previous and next
-- active days: the shared input of growth accounting by day, week and month, growth_metrics'
-- rolling active users, retention quality and resurrections. The users' days are sorted once
-- here (the expensive step) so that the marts built on it only scan and count.
-- @col user_id: User key.
-- @col event_date: A day the user was active (at least one event, fct_user_days).
-- @col days_since_first: Days since the user's first active day (0 on that day).
-- @col days_since_previous: Days since the user's previous active day (NULL on the first one; 1 = active the day before).
-- @col days_until_next: Days until the user's next active day up to the as-of date (NULL when there is none yet).
-- @test expression(gaps_positive): (days_since_previous IS NULL OR days_since_previous >= 1) AND (days_until_next IS NULL OR days_until_next >= 1) AND days_since_first >= 0
SELECT
  user_id,
  event_date,
  CAST(event_date - first_value(event_date) OVER w AS INTEGER) AS days_since_first,
  CAST(event_date - lag(event_date) OVER w AS INTEGER) AS days_since_previous,
  CAST(lead(event_date) OVER w - event_date AS INTEGER) AS days_until_next
FROM fct_user_days
WINDOW w AS (PARTITION BY user_id ORDER BY event_date)
