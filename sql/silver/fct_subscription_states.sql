-- Subscription state intervals: one row per account and state, from one change to the next
-- (the last state lasts until after the as-of date). The monthly value is what the state is
-- worth in MRR before any discount: seats x monthly list price (annual plans at annual price
-- / 12); trials, Free and cancelled states are worth 0.
-- @col customer_id: Account.
-- @col valid_from: When the state began.
-- @col valid_to: When the next state began (NULL = still current).
-- @col change_type: The change that began the state.
-- @col plan_id: Plan of the state.
-- @col tier: Tier of the state.
-- @col is_paid: TRUE for a paid subscription (not a trial, Free or cancelled).
-- @col billing_period: monthly or annual.
-- @col seats: Seats.
-- @col discount_id: Discount applying to the state, if any.
-- @col discount_kind: Kind of that discount.
-- @col discount_percent: Percent off while the discount lasts (0 without one).
-- @col discount_until: When a time-limited discount (welcome, promo) ends; NULL when it lasts as long as the state.
-- @col list_mrr: Monthly value of the state at list price, USD.
-- @test not_null: customer_id, valid_from, plan_id
-- @test expression: valid_to IS NULL OR valid_to >= valid_from
-- @test expression: list_mrr >= 0
WITH ordered AS (
  SELECT
    s.*,
    lead(s.occurred_at) OVER (PARTITION BY s.customer_id ORDER BY s.occurred_at, s.subscription_event_id) AS next_at
  FROM stg_subscription_events AS s
)
SELECT
  o.customer_id,
  o.occurred_at AS valid_from,
  o.next_at AS valid_to,
  o.change_type,
  o.plan_to AS plan_id,
  p.tier,
  o.change_type NOT IN ('trial_started', 'trial_expired', 'cancelled') AND p.tier_rank > 0 AS is_paid,
  o.billing_period,
  o.seats,
  o.discount_id,
  d.kind AS discount_kind,
  coalesce(d.percent, 0) AS discount_percent,
  CASE WHEN d.kind IN ('welcome_offer', 'promo') THEN o.occurred_at + to_months(d.duration_months) END AS discount_until,
  CAST(CASE
    WHEN o.change_type IN ('trial_started', 'trial_expired', 'cancelled') OR p.tier_rank = 0 THEN 0
    WHEN o.billing_period = 'annual' THEN o.seats * p.annual_price / 12
    ELSE o.seats * p.monthly_price
  END AS DECIMAL(12, 2)) AS list_mrr
FROM ordered AS o
JOIN stg_plans AS p ON p.plan_id = o.plan_to
LEFT JOIN stg_discounts AS d ON d.discount_id = o.discount_id
