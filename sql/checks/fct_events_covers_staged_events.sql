-- fct_events (a view joining the staged events to their sessions) holds every staged event
-- exactly once: a numbering missing for some event would silently drop it from the view.
-- @model fct_events
SELECT (SELECT count(*) FROM fct_events) AS fct_events_rows, (SELECT count(*) FROM stg_events) AS stg_events_rows
WHERE (SELECT count(*) FROM fct_events) <> (SELECT count(*) FROM stg_events)
