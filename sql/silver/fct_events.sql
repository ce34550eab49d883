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
WITH flagged AS (
  SELECT *,
    CASE WHEN lag(event_time) OVER w IS NULL OR event_time - lag(event_time) OVER w > INTERVAL 30 MINUTE THEN 1 ELSE 0 END AS is_session_start
  FROM stg_events
  WINDOW w AS (PARTITION BY user_id ORDER BY event_time, event_id)
),
numbered AS (
  SELECT *, sum(is_session_start) OVER (PARTITION BY user_id ORDER BY event_time, event_id ROWS UNBOUNDED PRECEDING) AS session_number
  FROM flagged
)
SELECT
  event_id, user_id, customer_id, event_type, event_time, event_date, transaction_category, miles_amount,
  platform, utm_source, country, feature_adoption_score,
  user_id || '-' || CAST(session_number AS VARCHAR) AS session_id,
  is_session_start,
  CAST(row_number() OVER (PARTITION BY user_id, session_number ORDER BY event_time, event_id) AS INTEGER) AS event_sequence_in_session,
  received_at AS processed_at
FROM numbered
