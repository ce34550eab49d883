-- One row per user and day with at least one event: the activity grid of daily growth
-- accounting, stickiness and L28.
-- @col user_id: User key.
-- @col customer_id: Account of the user.
-- @col event_date: A day the user was active.
-- @col events: Events of the user that day.
-- @test unique: user_id, event_date
-- @test expression: events > 0
SELECT user_id, any_value(customer_id) AS customer_id, event_date, count(*) AS events
FROM stg_events
GROUP BY user_id, event_date
