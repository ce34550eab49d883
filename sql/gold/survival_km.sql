-- Kaplan-Meier survival of paying accounts by plan tier (metrics.md): one row per tier and
-- per day t (days since sign-up) at which an account of the tier churned or was censored.
-- S(t) is the product over event times up to t of (1 - d_i / n_i); accounts still paying
-- at the as-of date are right-censored, and an account censored at t is still at risk at
-- t. Greenwood's variance Var S(t) = S(t)^2 x sum d_i / (n_i (n_i - d_i)) gives the standard
-- error, and the 95 % band is the log-log one (as R's survfit conf.type = "log-log"):
-- S(t)^exp(+-1.96 x sqrt(sum d_i / (n_i (n_i - d_i))) / |ln S(t)|), which stays inside
-- [0, 1]. Before the first churn (S = 1) the band is [1, 1]; once everyone at risk has
-- churned (S = 0) it is [0, 0] and the standard error is NULL. Filterable by account at
-- query time.
-- @col plan_tier: starter, growth, pro or enterprise.
-- @col t: Days since sign-up at which accounts of the tier churned or were censored.
-- @col n_at_risk: Accounts of the tier with duration_days >= t.
-- @col events: Accounts of the tier that churned at t.
-- @col censored: Accounts of the tier censored at t (still paying at the as-of date).
-- @col survival: Kaplan-Meier S(t), the share of the tier's accounts still paying t days after sign-up.
-- @col std_error: Greenwood standard error of S(t); NULL once S(t) = 0.
-- @col lower_95: Lower bound of the 95 % log-log confidence band of S(t).
-- @col upper_95: Upper bound of the 95 % log-log confidence band of S(t).
-- @col is_median: TRUE on the first t at which S(t) <= 0.5 (the tier's median survival); never TRUE for a tier that stays above 0.5.
-- @test unique: plan_tier, t
-- @test not_null: plan_tier, t, n_at_risk, events, censored, survival, lower_95, upper_95, is_median
-- @test expression(bounds_in_order): 0 <= lower_95 AND lower_95 <= survival AND survival <= upper_95 AND upper_95 <= 1
-- @test expression(counts_add_up): events + censored >= 1 AND events + censored <= n_at_risk
WITH observed AS (
  SELECT s.plan_tier, s.duration_days AS t, CAST(sum(s.event) AS BIGINT) AS events, CAST(count(*) - sum(s.event) AS BIGINT) AS censored
  FROM survival_table AS s
  WHERE TRUE /*accounts:s.customer_id*/
  GROUP BY s.plan_tier, s.duration_days
),
at_risk AS (
  SELECT *, CAST(sum(events + censored) OVER (PARTITION BY plan_tier ORDER BY t DESC ROWS UNBOUNDED PRECEDING) AS BIGINT) AS n_at_risk
  FROM observed
),
-- The running product is taken on churn days only and carried over censoring-only days, so S(t)
-- stays exactly flat there (a windowed product may regroup its factors and move the last bit).
products AS (
  SELECT *,
    CASE WHEN events > 0 THEN product(1 - events / n_at_risk) OVER w END AS survival_on_churn_day,
    sum(CASE WHEN events < n_at_risk THEN events / (n_at_risk * (n_at_risk - events)) ELSE 0 END) OVER w AS greenwood_sum
  FROM at_risk
  WINDOW w AS (PARTITION BY plan_tier ORDER BY t ROWS UNBOUNDED PRECEDING)
),
steps AS (
  SELECT *,
    coalesce(last_value(survival_on_churn_day IGNORE NULLS) OVER (PARTITION BY plan_tier ORDER BY t ROWS UNBOUNDED PRECEDING), 1.0) AS survival
  FROM products
),
banded AS (
  SELECT *,
    CASE WHEN survival > 0 AND survival < 1 THEN 1.959963984540054 * sqrt(greenwood_sum) / abs(ln(survival)) END AS z_sigma
  FROM steps
)
SELECT
  plan_tier,
  t,
  n_at_risk,
  events,
  censored,
  survival,
  CASE WHEN survival > 0 THEN survival * sqrt(greenwood_sum) END AS std_error,
  CASE WHEN survival = 0 THEN 0.0 WHEN survival = 1 THEN 1.0 ELSE power(survival, exp(z_sigma)) END AS lower_95,
  CASE WHEN survival = 0 THEN 0.0 WHEN survival = 1 THEN 1.0 ELSE power(survival, exp(-z_sigma)) END AS upper_95,
  -- S(t) is a product of floating-point factors: an exact 0.5 may come out a hair above it.
  coalesce(t = min(CASE WHEN round(survival, 9) <= 0.5 THEN t END) OVER (PARTITION BY plan_tier), false) AS is_median
FROM banded
