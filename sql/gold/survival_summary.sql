-- Survival of paying accounts by plan tier, one row per tier: accounts, churns and
-- censorings, the Kaplan-Meier median survival (the first t with S(t) <= 0.5; NULL when the
-- curve never gets there) with its 95 % interval read off the log-log band (the first t at
-- which the lower, and the upper, band is <= 0.5, as R's survfit does; NULL when never), and
-- the one-year survival. Read from survival_km.
-- Filterable by account at query time (through survival_km).
-- @col plan_tier: starter, growth, pro or enterprise.
-- @col customers: Accounts of the tier that ever paid.
-- @col events: Of those, accounts that churned.
-- @col censored: Of those, accounts still paying at the as-of date (right-censored).
-- @col max_duration_days: Longest time observed in the tier, days.
-- @col median_survival_days: First t at which S(t) <= 0.5; NULL when S(t) stays above 0.5.
-- @col median_lower_95: Lower end of the median's 95 % interval: first t at which the band's lower bound is <= 0.5.
-- @col median_upper_95: Upper end of the median's 95 % interval: first t at which the band's upper bound is <= 0.5; NULL when never.
-- @col survival_365d: S(365), the share still paying a year after sign-up; NULL when no account of the tier was followed for 365 days.
-- @test unique: plan_tier
-- @test not_null: plan_tier, customers, events, censored
-- @test expression(counts_add_up): events + censored = customers
-- @test expression(median_interval_in_order): median_lower_95 IS NULL OR median_survival_days IS NULL OR median_lower_95 <= median_survival_days
-- @test expression(median_interval_upper): median_upper_95 IS NULL OR median_upper_95 >= median_survival_days
WITH curve AS (
  SELECT plan_tier, t, n_at_risk, events, censored, round(survival, 9) AS s, round(lower_95, 9) AS lo, round(upper_95, 9) AS hi, survival
  FROM survival_km
),
tiers AS (
  SELECT
    plan_tier,
    CAST(max(n_at_risk) AS BIGINT) AS customers,
    CAST(sum(events) AS BIGINT) AS events,
    CAST(sum(censored) AS BIGINT) AS censored,
    max(t) AS max_duration_days,
    min(t) FILTER (WHERE s <= 0.5) AS median_survival_days,
    min(t) FILTER (WHERE lo <= 0.5) AS median_lower_95,
    min(t) FILTER (WHERE hi <= 0.5) AS median_upper_95,
    coalesce(arg_max(survival, t) FILTER (WHERE t <= 365), 1.0) AS survival_at_365,
    min(survival) = 0 AS reached_zero
  FROM curve
  GROUP BY plan_tier
)
SELECT
  plan_tier, customers, events, censored, max_duration_days, median_survival_days, median_lower_95, median_upper_95,
  CASE WHEN max_duration_days >= 365 OR reached_zero THEN survival_at_365 END AS survival_365d
FROM tiers
