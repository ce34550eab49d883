-- Log-rank test of whether the plan tiers' survival curves differ (metrics.md): one row per
-- tier with its observed and expected churns, and the test itself repeated on every row.
-- At each day t at which any account churned, with n accounts at risk and d churns over all
-- tiers, a tier with n_g at risk expects d x n_g / n churns; O - E sums over days, and its
-- covariance matrix V_gh = sum d (n - d) / (n - 1) x n_g / n x ([g = h] - n_h / n). The
-- statistic is (O - E)' V^-1 (O - E) over k - 1 tiers (the last tier is left out: the O - E
-- add up to 0), solved by Gaussian elimination in a recursive CTE, and compared with the
-- chi-square distribution with k - 1 degrees of freedom. A tier that is never at risk on a
-- churn day expects no churn and is left out of k, as R's survdiff counts. The p-value is the chi-square
-- survival function in closed form for whole degrees of freedom: erfc(sqrt(x/2)) for odd
-- degrees plus exp(-x/2) sum (x/2)^a / Gamma(a + 1) over a = 1/2, 3/2, ... (odd) or
-- 0, 1, ... (even) up to df/2 - 1, with erfc by Numerical Recipes' Chebyshev fit (relative
-- error below 1.2e-7). Filterable by account at query time.
-- @col plan_tier: starter, growth, pro or enterprise.
-- @col customers: Accounts of the tier.
-- @col observed_events: Churns observed in the tier (O).
-- @col expected_events: Churns expected in the tier if every tier had the same hazard (E).
-- @col observed_minus_expected: O - E.
-- @col variance: Variance of O - E for the tier (the diagonal of V).
-- @col chi_square: Log-rank statistic over all tiers; NULL with fewer than two tiers or a singular V.
-- @col degrees_of_freedom: Number of tiers - 1 (counting the tiers that expect churns: all of them unless one is never at risk on a churn day).
-- @col p_value: P(chi-square with degrees_of_freedom >= chi_square): the chance of differences this large if the tiers' survival were the same.
-- @test unique: plan_tier
-- @test not_null: plan_tier, customers, observed_events, expected_events, degrees_of_freedom
-- @test expression(p_value_in_range): p_value IS NULL OR p_value BETWEEN 0 AND 1
-- @test expression(chi_square_non_negative): chi_square IS NULL OR chi_square >= 0
WITH RECURSIVE st AS (
  SELECT s.plan_tier, s.duration_days, s.event
  FROM survival_table AS s
  WHERE TRUE /*accounts:s.customer_id*/
),
tiers AS (
  SELECT plan_tier, count(*) AS customers
  FROM st
  GROUP BY plan_tier
),
observed AS (
  SELECT plan_tier, duration_days AS t, count(*) AS n_obs, sum(event) AS d
  FROM st
  GROUP BY plan_tier, duration_days
),
times AS (SELECT DISTINCT t FROM observed),
grid AS (
  SELECT g.plan_tier, tm.t, coalesce(o.n_obs, 0) AS n_obs, coalesce(o.d, 0) AS d
  FROM tiers AS g
  CROSS JOIN times AS tm
  LEFT JOIN observed AS o ON o.plan_tier = g.plan_tier AND o.t = tm.t
),
risk AS (
  SELECT *, sum(n_obs) OVER (PARTITION BY plan_tier ORDER BY t DESC ROWS UNBOUNDED PRECEDING) AS n
  FROM grid
),
pooled AS (
  SELECT t, sum(n) AS n_all, sum(d) AS d_all
  FROM risk
  GROUP BY t
  HAVING sum(d) > 0
),
terms AS (
  SELECT r.plan_tier, r.t, CAST(r.d AS DOUBLE) AS d,
    CAST(r.n AS DOUBLE) / p.n_all AS share,
    CAST(p.d_all AS DOUBLE) * r.n / p.n_all AS e,
    CASE WHEN p.n_all > 1 THEN CAST(p.d_all AS DOUBLE) * (p.n_all - p.d_all) / (p.n_all - 1) ELSE 0.0 END AS v
  FROM risk AS r
  JOIN pooled AS p ON p.t = r.t
),
per_tier AS (
  SELECT plan_tier, sum(d) AS observed_events, sum(e) AS expected_events, sum(v * share * (1 - share)) AS variance
  FROM terms
  GROUP BY plan_tier
),
-- Tiers expecting churns, numbered; a tier never at risk on a churn day carries no information
-- and is left out, as R's survdiff does (its degrees of freedom count the tiers with E > 0).
informative AS (
  SELECT plan_tier, observed_events - expected_events AS o_minus_e,
    row_number() OVER (ORDER BY CASE plan_tier WHEN 'starter' THEN 1 WHEN 'growth' THEN 2 WHEN 'pro' THEN 3 WHEN 'enterprise' THEN 4 ELSE 5 END, plan_tier) AS g,
    count(*) OVER () AS k
  FROM per_tier
  WHERE expected_events > 0
),
covariance AS (
  SELECT ia.g AS i, ib.g AS j, sum(a.v * a.share * (CASE WHEN ia.g = ib.g THEN 1.0 ELSE 0.0 END - b.share)) AS v
  FROM terms AS a
  JOIN terms AS b ON b.t = a.t
  JOIN informative AS ia ON ia.plan_tier = a.plan_tier
  JOIN informative AS ib ON ib.plan_tier = b.plan_tier
  WHERE ia.g < ia.k AND ib.g < ib.k
  GROUP BY ia.g, ib.g
),
-- The augmented matrix [V | O - E] of the first k - 1 informative tiers, one list per row.
matrix_rows AS (
  SELECT c.i, list(c.v ORDER BY c.j) || [max(p.o_minus_e)] AS r
  FROM covariance AS c
  JOIN informative AS p ON p.g = c.i
  GROUP BY c.i
),
matrix AS (SELECT list(r ORDER BY i) AS m FROM matrix_rows),
-- Forward elimination, one column per step; V is symmetric positive definite, so no pivoting.
elimination AS (
  SELECT 1 AS step, m FROM matrix
  UNION ALL
  SELECT step + 1,
    [CASE WHEN r > step THEN [m[r][c] - m[r][step] / m[step][step] * m[step][c] FOR c IN range(1, len(m) + 2)] ELSE m[r] END FOR r IN range(1, len(m) + 1)]
  FROM elimination
  WHERE step < len(m)
),
-- With V = L D L', (O - E)' V^-1 (O - E) = sum of b_p^2 / d_p over the eliminated rows. With
-- one tier (or no churn at all) the matrix is empty and the statistic NULL.
stat AS (
  SELECT
    CASE WHEN list_min([m[p][p] FOR p IN range(1, len(m) + 1)]) > 1e-12
      THEN list_sum([m[p][len(m) + 1] ** 2 / m[p][p] FOR p IN range(1, len(m) + 1)]) END AS chi_square,
    greatest((SELECT count(*) FROM informative) - 1, 0) AS degrees_of_freedom
  FROM elimination
  QUALIFY step = max(step) OVER ()
),
-- begin chi_square_sf: P(X >= chi_square) for X ~ chi-square(degrees_of_freedom), whole degrees of freedom.
chi_square_sf AS (
  SELECT
    x.chi_square,
    x.degrees_of_freedom,
    CASE
      WHEN x.chi_square IS NULL OR x.degrees_of_freedom < 1 THEN NULL
      WHEN x.chi_square <= 0 THEN 1.0
      ELSE least(1.0,
        CASE WHEN x.degrees_of_freedom % 2 = 1 THEN
          -- erfc(sqrt(x / 2)), Numerical Recipes erfcc
          x.tz * exp(-x.chi_square / 2 - 1.26551223 + x.tz * (1.00002368 + x.tz * (0.37409196 + x.tz * (0.09678418 + x.tz * (-0.18628806
            + x.tz * (0.27886807 + x.tz * (-1.13520398 + x.tz * (1.48851587 + x.tz * (-0.82215223 + x.tz * 0.17087277)))))))))
        ELSE 0.0 END
        + coalesce(list_sum([exp((a + x.half) * ln(x.chi_square / 2) - x.chi_square / 2 - lgamma(a + x.half + 1))
                             FOR a IN range(0, x.degrees_of_freedom // 2)]), 0.0))
    END AS p_value
  FROM (
    SELECT *, 1 / (1 + 0.5 * sqrt(greatest(chi_square, 0) / 2)) AS tz, (degrees_of_freedom % 2) / 2.0 AS half
    FROM stat
  ) AS x
)
-- end chi_square_sf
SELECT
  t.plan_tier,
  t.customers,
  CAST(coalesce(p.observed_events, 0) AS BIGINT) AS observed_events,
  coalesce(p.expected_events, 0.0) AS expected_events,
  coalesce(p.observed_events - p.expected_events, 0.0) AS observed_minus_expected,
  coalesce(p.variance, 0.0) AS variance,
  s.chi_square,
  CAST(s.degrees_of_freedom AS INTEGER) AS degrees_of_freedom,
  s.p_value
FROM tiers AS t
LEFT JOIN per_tier AS p ON p.plan_tier = t.plan_tier
CROSS JOIN chi_square_sf AS s
