-- Every user belongs to a known customer.
-- @model stg_users
SELECT u.user_id, u.customer_id FROM stg_users AS u
LEFT JOIN stg_customers AS c ON c.customer_id = u.customer_id
WHERE c.customer_id IS NULL
