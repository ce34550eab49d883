-- Session numbering of every event, by seed 002's rule: a session starts at a user's first
-- event or after 30 minutes without one. A narrow table (four numbers a row) that fct_events
-- joins to the staged events, so the events are not held in memory a third time: the windows
-- sort only the user, time and id, never the whole row. One sort serves both window stages;
-- the sequence number comes from the row number instead of a second window over (user,
-- session), which would sort all events again.
-- @col event_id: Event key.
-- @col session_number: Number of the session among the user's sessions, from 1.
-- @col is_session_start: 1 = the event starts a session, 0 = it continues one.
-- @col event_sequence_in_session: Order of the event in its session, from 1.
-- @test unique: event_id
-- @test not_null: session_number, is_session_start, event_sequence_in_session
-- @test expression: (is_session_start = 1) = (event_sequence_in_session = 1)
WITH flagged AS (
  SELECT event_id, user_id, event_time,
    row_number() OVER w AS rn,
    CASE WHEN lag(event_time) OVER w IS NULL OR event_time - lag(event_time) OVER w > INTERVAL 30 MINUTE THEN 1 ELSE 0 END AS is_session_start
  FROM stg_events
  WINDOW w AS (PARTITION BY user_id ORDER BY event_time, event_id)
),
numbered AS (
  SELECT event_id, rn, is_session_start,
    sum(is_session_start) OVER w AS session_number,
    max(CASE WHEN is_session_start = 1 THEN rn END) OVER w AS session_start_rn
  FROM flagged
  WINDOW w AS (PARTITION BY user_id ORDER BY event_time, event_id ROWS UNBOUNDED PRECEDING)
)
SELECT
  event_id,
  CAST(session_number AS INTEGER) AS session_number,
  is_session_start,
  CAST(rn - session_start_rn + 1 AS INTEGER) AS event_sequence_in_session
FROM numbered
