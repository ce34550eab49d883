-- The resurrections broken down by dormancy add up to growth_metrics' resurrected users, day by
-- day, over the same days and the same active users.
-- @model user_resurrection_analysis
SELECT coalesce(r.event_date, g.event_date) AS day, r.total_resurrections, g.resurrected_users, r.daily_active_users, g.daily_active_users AS growth_dau
FROM user_resurrection_analysis AS r
FULL JOIN growth_metrics AS g ON g.event_date = r.event_date
WHERE r.event_date IS NULL OR g.event_date IS NULL
   OR r.total_resurrections <> g.resurrected_users OR r.daily_active_users <> g.daily_active_users
