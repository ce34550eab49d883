-- The outstanding miles liability on the as-of date equals the sum of every user's current
-- miles balance in dim_users (both count every miles event up to the as-of date).
-- @model miles_analytics
WITH last_day AS (
  SELECT m.outstanding_miles_liability, m.cumulative_miles_earned, m.cumulative_miles_redeemed
  FROM miles_analytics AS m
  JOIN run_params AS p ON m.event_date = p.as_of_date
),
balances AS (
  SELECT coalesce(sum(current_miles_balance), 0) AS balance, coalesce(sum(total_miles_earned), 0) AS earned,
    coalesce(sum(total_miles_redeemed), 0) AS redeemed
  FROM dim_users
)
SELECT l.*, b.*
FROM balances AS b
LEFT JOIN last_day AS l ON true
WHERE coalesce(l.outstanding_miles_liability, 0) <> b.balance
   OR coalesce(l.cumulative_miles_earned, 0) <> b.earned
   OR coalesce(l.cumulative_miles_redeemed, 0) <> b.redeemed
