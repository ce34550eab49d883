-- Every user_id appears once after staging.
-- @model stg_users
SELECT user_id, count(*) AS copies FROM stg_users GROUP BY user_id HAVING count(*) > 1
