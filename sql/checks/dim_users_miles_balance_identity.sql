-- current_miles_balance = total_miles_earned - total_miles_redeemed for every user.
-- @model dim_users
SELECT user_id, total_miles_earned, total_miles_redeemed, current_miles_balance FROM dim_users
WHERE current_miles_balance <> total_miles_earned - total_miles_redeemed
