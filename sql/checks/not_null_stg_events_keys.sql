-- Staged events carry an id, a user, an account, a time and a type.
-- @model stg_events
SELECT * FROM stg_events
WHERE event_id IS NULL OR user_id IS NULL OR customer_id IS NULL OR event_time IS NULL OR event_type IS NULL
