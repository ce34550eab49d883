-- Users of the product, typed and normalised, one row per user_id.
-- @col user_id: User key (U + seven digits).
-- @col customer_id: Account the user belongs to.
-- @col created_at: When the user was created, UTC.
-- @col platform: Platform the user signed up on: Web, iOS or Android.
-- @col country: ISO 3166 country code of the user.
-- @test unique: user_id
-- @test not_null: user_id, customer_id, created_at
-- @test relationships: customer_id -> stg_customers.customer_id
-- @test accepted_values: platform = iOS, Android, Web
SELECT
  trim(user_id) AS user_id,
  trim(customer_id) AS customer_id,
  CAST(created_at AS TIMESTAMP) AS created_at,
  CASE lower(trim(platform)) WHEN 'ios' THEN 'iOS' WHEN 'android' THEN 'Android' WHEN 'web' THEN 'Web' END AS platform,
  upper(trim(country)) AS country
FROM users
WHERE user_id IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY trim(user_id) ORDER BY created_at) = 1
