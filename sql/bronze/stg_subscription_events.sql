-- Subscription state changes, typed, one row per subscription_event_id.
-- @col subscription_event_id: State change key.
-- @col customer_id: Account.
-- @col occurred_at: When the change took effect, UTC.
-- @col change_type: trial_started, trial_converted, trial_expired, upgraded, downgraded, cancelled or reactivated.
-- @col plan_from: Plan before the change.
-- @col plan_to: Plan after the change.
-- @col billing_period: monthly or annual.
-- @col seats: Seats of the new state.
-- @col discount_id: Discount applying to the new state, if any.
-- @test unique: subscription_event_id
-- @test not_null: customer_id, occurred_at, change_type, plan_from, plan_to
-- @test accepted_values: change_type = trial_started, trial_converted, trial_expired, upgraded, downgraded, cancelled, reactivated
-- @test accepted_values: billing_period = monthly, annual
-- @test relationships: customer_id -> stg_customers.customer_id
-- @test relationships: plan_to -> stg_plans.plan_id
-- @test relationships: plan_from -> stg_plans.plan_id
-- @test relationships: discount_id -> stg_discounts.discount_id
-- @test expression: seats >= 0
SELECT
  trim(subscription_event_id) AS subscription_event_id,
  trim(customer_id) AS customer_id,
  CAST(occurred_at AS TIMESTAMP) AS occurred_at,
  lower(trim(change_type)) AS change_type,
  trim(plan_from) AS plan_from,
  trim(plan_to) AS plan_to,
  lower(trim(billing_period)) AS billing_period,
  seats,
  trim(discount_id) AS discount_id
FROM subscription_events
WHERE customer_id IS NOT NULL AND occurred_at IS NOT NULL AND CAST(occurred_at AS DATE) <= (SELECT as_of_date FROM run_params)
QUALIFY row_number() OVER (PARTITION BY trim(subscription_event_id) ORDER BY occurred_at) = 1
