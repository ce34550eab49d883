-- Seed 003's survival table: one row per account that ever paid, with its plan tier, the
-- time from sign-up to churn (or to the as-of date when still paying, right-censored) and
-- the event indicator. The input of survival_km, survival_summary and survival_logrank.
-- Filterable by account at query time (through customer_lifecycle).
-- @col customer_id: Account key.
-- @col plan_tier: starter, growth, pro or enterprise (current paid tier, or the last one before churn).
-- @col duration_days: DATEDIFF('day', signup_date, churn_date) for churned accounts; DATEDIFF('day', signup_date, as-of date) for active ones.
-- @col event: 1 = the account churned, 0 = right-censored (still paying at the as-of date).
-- @test unique: customer_id
-- @test not_null: customer_id, plan_tier, duration_days, event
-- @test accepted_values: event = 0, 1
-- @test expression: duration_days >= 0
SELECT customer_id, plan_tier, duration_days, event
FROM customer_lifecycle
