-- Every event belongs to a known user.
-- @model stg_events
SELECT e.event_id, e.user_id FROM stg_events AS e
ANTI JOIN stg_users AS u ON u.user_id = e.user_id
