-- dim_users has one row per user.
-- @model dim_users
SELECT user_id, count(*) AS copies FROM dim_users GROUP BY user_id HAVING count(*) > 1
