-- One row per user and day with at least one event: the activity grid of daily growth
-- accounting, stickiness and L28, and the daily usage the churn features sum up (so that no
-- gold mart has to read every event again).
-- @col user_id: User key.
-- @col customer_id: Account of the user.
-- @col event_date: A day the user was active.
-- @col events: Events of the user that day.
-- @col sessions: Sessions the user started that day (30-minute rule, fct_event_sessions); 0 when the day only continues a session begun before midnight.
-- @col feature_events: Product feature events of the user that day (evidence_upload, monitoring_run, report_view, user_invite, integration_connect, api_call, premium_feature_trial).
-- @test unique: user_id, event_date
-- @test expression: events > 0 AND sessions BETWEEN 0 AND events AND feature_events <= events
SELECT
  e.user_id,
  any_value(e.customer_id) AS customer_id,
  e.event_date,
  count(*) AS events,
  count(*) FILTER (WHERE s.is_session_start = 1) AS sessions,
  count(*) FILTER (WHERE e.event_type IN ('evidence_upload', 'monitoring_run', 'report_view', 'user_invite', 'integration_connect', 'api_call', 'premium_feature_trial')) AS feature_events
FROM stg_events AS e
JOIN fct_event_sessions AS s ON s.event_id = e.event_id
GROUP BY e.user_id, e.event_date
