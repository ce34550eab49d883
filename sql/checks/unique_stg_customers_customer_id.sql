-- Every customer_id appears once after staging.
-- @model stg_customers
SELECT customer_id, count(*) AS copies FROM stg_customers GROUP BY customer_id HAVING count(*) > 1
