-- fct_events (a view joining the staged events to their session numbering) holds every
-- staged event exactly once: the numbering has one row per staged event. Both sides are
-- unique by event_id (their own checks) and the numbering is computed from the staged events,
-- so equal counts mean the join drops and repeats nothing. Counting the two tables, not the
-- view, keeps this check from building a hash table of every event (the large preset has
-- no memory left for one at the end of the pipeline).
-- @model fct_events
SELECT (SELECT count(*) FROM fct_event_sessions) AS session_rows, (SELECT count(*) FROM stg_events) AS stg_events_rows
WHERE (SELECT count(*) FROM fct_event_sessions) <> (SELECT count(*) FROM stg_events)
