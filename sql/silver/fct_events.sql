-- Events with 30-minute sessions (seed 002 fct_events): a session starts at a user's first
-- event or after 30 minutes without one.
-- @col event_id: Event key.
-- @col user_id: User who acted.
-- @col customer_id: Account of the user.
-- @col event_type: Event type.
-- @col event_time: When it happened, UTC.
-- @col event_date: Date of event_time.
-- @col transaction_category: Category of a miles transaction.
-- @col miles_amount: Miles earned or redeemed; NULL for other events.
-- @col platform: iOS, Android or Web.
-- @col utm_source: organic, paid, social or referral.
-- @col country: ISO country code.
-- @col feature_adoption_score: 0 to 1 adoption score at the event.
-- @col session_id: user_id and the session's number for the user (30-minute inactivity gaps).
-- @col is_session_start: 1 = the event starts a session, 0 = it continues one.
-- @col event_sequence_in_session: Order of the event in its session, from 1.
-- @col processed_at: When the record reached the warehouse.
-- @test unique: event_id
-- @test not_null: session_id, is_session_start, event_sequence_in_session
-- @test expression: (is_session_start = 1) = (event_sequence_in_session = 1)
-- One sort serves both window stages; the sequence number is derived from the row number
-- instead of a second window over (user, session), which would sort all events again.
WITH flagged AS (
  SELECT *,
    row_number() OVER w AS rn,
    CASE WHEN lag(event_time) OVER w IS NULL OR event_time - lag(event_time) OVER w > INTERVAL 30 MINUTE THEN 1 ELSE 0 END AS is_session_start
  FROM stg_events
  WINDOW w AS (PARTITION BY user_id ORDER BY event_time, event_id)
),
numbered AS (
  SELECT *,
    sum(is_session_start) OVER w AS session_number,
    max(CASE WHEN is_session_start = 1 THEN rn END) OVER w AS session_start_rn
  FROM flagged
  WINDOW w AS (PARTITION BY user_id ORDER BY event_time, event_id ROWS UNBOUNDED PRECEDING)
)
SELECT
  event_id, user_id, customer_id, event_type, event_time, event_date, transaction_category, miles_amount,
  platform, utm_source, country, feature_adoption_score,
  user_id || '-' || CAST(session_number AS VARCHAR) AS session_id,
  is_session_start,
  CAST(rn - session_start_rn + 1 AS INTEGER) AS event_sequence_in_session,
  received_at AS processed_at
FROM numbered
