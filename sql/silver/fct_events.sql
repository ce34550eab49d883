-- Events with 30-minute sessions (seed 002 fct_events): the staged events joined to their
-- session numbering (fct_event_sessions). A view, not a copy: the events are the largest data
-- by far, and a third copy of them is what would not fit in the browser at the large size.
-- Unique by event_id because both sides are (their checks) and the join is on that key;
-- check fct_events_covers_staged_events asserts that no staged event is missing.
-- @materialize view
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
SELECT
  e.event_id, e.user_id, e.customer_id, e.event_type, e.event_time, e.event_date, e.transaction_category, e.miles_amount,
  e.platform, e.utm_source, e.country, e.feature_adoption_score,
  e.user_id || '-' || CAST(s.session_number AS VARCHAR) AS session_id,
  s.is_session_start,
  s.event_sequence_in_session,
  e.received_at AS processed_at
FROM stg_events AS e
JOIN fct_event_sessions AS s ON s.event_id = e.event_id
