-- The price book, typed: one row per plan with list prices and the tier MRR range.
-- @col plan_id: Plan key.
-- @col tier: Free, Starter, Growth, Pro or Enterprise.
-- @col tier_rank: 0 (Free) to 4 (Enterprise), for comparing tiers.
-- @col monthly_price: List price per seat and month, USD.
-- @col annual_price: List price per seat and year, USD.
-- @col min_seats: Fewest seats the tier is sold with.
-- @col max_seats: Most seats the tier is sold with.
-- @col mrr_floor: Tier MRR floor (monthly price x min seats).
-- @col mrr_ceiling: Tier MRR ceiling (monthly price x max seats).
-- @test unique: plan_id
-- @test not_null: plan_id, tier, tier_rank, monthly_price
-- @test expression: mrr_floor <= mrr_ceiling AND min_seats <= max_seats
SELECT
  trim(plan_id) AS plan_id,
  trim(tier) AS tier,
  CASE trim(tier) WHEN 'Free' THEN 0 WHEN 'Starter' THEN 1 WHEN 'Growth' THEN 2 WHEN 'Pro' THEN 3 WHEN 'Enterprise' THEN 4 END AS tier_rank,
  CAST(monthly_price AS DECIMAL(12, 2)) AS monthly_price,
  CAST(annual_price AS DECIMAL(12, 2)) AS annual_price,
  min_seats,
  max_seats,
  CAST(mrr_floor AS DECIMAL(12, 2)) AS mrr_floor,
  CAST(mrr_ceiling AS DECIMAL(12, 2)) AS mrr_ceiling
FROM plans
