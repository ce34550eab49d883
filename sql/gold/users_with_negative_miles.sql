-- Users whose miles balance is below zero (seed 002 users_with_negative_miles), for
-- investigation: redemptions can exceed what a user earned when a redemption was processed
-- twice (story 7). One row per user of dim_users with has_negative_balance. flagged_at is the
-- end of the as-of date (23:59:59.999999 UTC), not the wall clock, so the same seed always
-- gives the same table.
-- Filterable by user at query time.
-- @col user_id: User with a negative balance.
-- @col first_seen_at: The user's first activity, from dim_users.
-- @col last_seen_at: The user's last activity, from dim_users.
-- @col total_miles_earned: Lifetime miles earned, from dim_users.
-- @col total_miles_redeemed: Lifetime miles redeemed, from dim_users.
-- @col current_miles_balance: total_miles_earned - total_miles_redeemed; always < 0 here.
-- @col negative_amount: abs(current_miles_balance), the miles over-redeemed, for reporting.
-- @col flagged_at: When the row was flagged: the end of the as-of date (deterministic).
-- @test unique: user_id
-- @test relationships: user_id -> dim_users.user_id
-- @test expression(balance_negative): current_miles_balance < 0 AND negative_amount = -current_miles_balance
SELECT
  u.user_id,
  u.first_seen_at,
  u.last_seen_at,
  u.total_miles_earned,
  u.total_miles_redeemed,
  u.current_miles_balance,
  abs(u.current_miles_balance) AS negative_amount,
  CAST(p.as_of_date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND AS flagged_at
FROM dim_users AS u
CROSS JOIN run_params AS p
WHERE u.has_negative_balance AND TRUE /*users:u.user_id*/
ORDER BY u.current_miles_balance, u.user_id
