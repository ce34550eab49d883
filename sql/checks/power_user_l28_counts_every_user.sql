-- The L28 histogram has the 29 values 0 to 28 and counts every user of dim_users exactly once.
-- @model power_user_l28
WITH h AS (SELECT count(*) AS buckets, sum(users) AS users FROM power_user_l28),
u AS (SELECT count(*) AS users FROM dim_users)
SELECT h.buckets, h.users AS histogram_users, u.users AS dim_users
FROM h
CROSS JOIN u
WHERE h.buckets <> 29 OR h.users <> u.users
