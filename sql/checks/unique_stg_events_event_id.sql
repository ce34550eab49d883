-- Every event_id appears once after staging.
-- @model stg_events
SELECT event_id, count(*) AS copies FROM stg_events GROUP BY event_id HAVING count(*) > 1
