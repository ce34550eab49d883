-- Seed 003's correlation table: the point-biserial correlation r of each churn feature with
-- the churn label (1 = churned, 0 = active) over every account that ever paid
-- (eda_customer_features, features measured up to each account's reference date), with its
-- direction and a two-sided t-test of r = 0: t = r sqrt((n - 2) / (1 - r^2)) with n - 2
-- degrees of freedom. The p-value is the exact Student t distribution for whole degrees of
-- freedom (Abramowitz and Stegun 26.7.3 and 26.7.4, a finite sum), not a normal
-- approximation; it is computed as 1 - P(|T| <= t), so values below about 1e-15 show as 0.
-- Accounts without a value of a feature (avg_adoption_score without events) are left out of
-- that feature's n. Filterable by account at query time.
-- @col feature: events_last_30d, avg_adoption_score, retention_signal_count, high_priority_tickets or integration_connects_first_30d.
-- @col r: Point-biserial correlation with churned (Pearson r of the feature and the 0/1 label); NULL when either has no variance.
-- @col direction: negative (higher values go with staying), positive (higher values go with churning), or NULL when r is NULL or 0.
-- @col n: Accounts with a value of the feature.
-- @col churned_mean: Mean of the feature over churned accounts.
-- @col active_mean: Mean of the feature over active accounts.
-- @col t_statistic: r sqrt((n - 2) / (1 - r^2)); NULL when n < 3 or |r| = 1.
-- @col p_value: Two-sided p-value of the t-test of r = 0 with n - 2 degrees of freedom (0 when |r| = 1).
-- @test unique: feature
-- @test not_null: feature, n
-- @test expression(r_in_range): r IS NULL OR r BETWEEN -1 AND 1
-- @test expression(p_value_in_range): p_value IS NULL OR p_value BETWEEN 0 AND 1
-- @test expression(direction_matches_r): direction IS NULL OR (direction = 'negative') = (r < 0)
WITH long AS (
  SELECT
    f.feature,
    CASE f.feature
      WHEN 'events_last_30d' THEN CAST(e.events_last_30d AS DOUBLE)
      WHEN 'avg_adoption_score' THEN e.avg_adoption_score
      WHEN 'retention_signal_count' THEN CAST(e.retention_signal_count AS DOUBLE)
      WHEN 'high_priority_tickets' THEN CAST(e.high_priority_tickets AS DOUBLE)
      WHEN 'integration_connects_first_30d' THEN CAST(e.integration_connects_first_30d AS DOUBLE)
    END AS x,
    CAST(e.event AS DOUBLE) AS y
  FROM eda_customer_features AS e
  CROSS JOIN (VALUES ('events_last_30d'), ('avg_adoption_score'), ('retention_signal_count'), ('high_priority_tickets'), ('integration_connects_first_30d')) AS f(feature)
  WHERE TRUE /*accounts:e.customer_id*/
),
-- Aggregates skip a NULL x; the label's variance is taken over the same accounts.
moments AS (
  SELECT
    feature,
    count(x) AS n,
    covar_pop(x, y) AS covariance,
    var_pop(x) AS var_x,
    var_pop(y) FILTER (WHERE x IS NOT NULL) AS var_y,
    avg(x) FILTER (WHERE y = 1) AS churned_mean,
    avg(x) FILTER (WHERE y = 0) AS active_mean
  FROM long
  GROUP BY feature
),
correlations AS (
  SELECT feature, n, churned_mean, active_mean,
    CASE WHEN var_x > 0 AND var_y > 0 THEN
      CASE WHEN covariance / sqrt(var_x * var_y) > 1 THEN 1.0 WHEN covariance / sqrt(var_x * var_y) < -1 THEN -1.0 ELSE covariance / sqrt(var_x * var_y) END
    END AS r
  FROM moments
),
t_stat AS (
  SELECT *,
    CASE WHEN n >= 3 AND abs(r) < 1 THEN r * sqrt((n - 2) / (1 - r * r)) END AS t_statistic,
    n - 2 AS df
  FROM correlations
),
-- begin student_t_two_sided: p_value = P(|T| >= |t_statistic|) for T ~ Student t(df), whole df >= 1.
-- With theta = atan(|t| / sqrt(df)), q = cos^2 theta = df / (df + t^2) (A&S 26.7.3, 26.7.4):
--   even df: P(|T| <= t) = sin theta sum_{j=0}^{df/2-1} c_j q^j, c_j = (2j-1)!! / (2j)!!
--   odd df:  P(|T| <= t) = 2/pi (theta + sin theta sum_{j=0}^{(df-3)/2} e_j cos^(2j+1) theta), e_j = (2j)!! / (2j+1)!!
-- The double-factorial ratios are Gamma functions, summed in log space. The same series
-- continued to infinity sum to 1, so the tail p itself is the rest of the series from the
-- term where the finite sum stops; it is used when 1 - P(|T| <= t) falls below 1e-8, where the
-- subtraction would lose digits, and summed until q^j is below e^-40.
t_test AS (
  SELECT
    y.* EXCLUDE (half_df, ln_cos, sin_theta, head_p, tail_terms),
    CASE
      WHEN y.t_statistic IS NULL OR y.df < 1 THEN NULL
      WHEN y.head_p > 1e-8 THEN y.head_p
      WHEN y.df % 2 = 0 THEN y.sin_theta * coalesce(list_sum([exp(lgamma(j + 0.5) - lgamma(0.5) - lgamma(j + 1) + 2 * j * y.ln_cos)
                                                               FOR j IN range(y.half_df, y.half_df + y.tail_terms)]), 0.0)
      ELSE 2 / pi() * y.sin_theta * coalesce(list_sum([exp(lgamma(j + 1) + lgamma(0.5) - ln(2) - lgamma(j + 1.5) + (2 * j + 1) * y.ln_cos)
                                                      FOR j IN range(y.half_df, y.half_df + y.tail_terms)]), 0.0)
    END AS p_value
  FROM (
    SELECT x.*,
      CASE WHEN x.head_p <= 1e-8 AND x.ln_cos < 0 THEN CAST(least(ceil(-20 / x.ln_cos), 10000000) AS BIGINT) ELSE 0 END AS tail_terms
    FROM (
      SELECT w.*,
        greatest(0.0, 1 - CASE WHEN w.df % 2 = 0
          THEN w.sin_theta * list_sum([exp(lgamma(j + 0.5) - lgamma(0.5) - lgamma(j + 1) + 2 * j * w.ln_cos) FOR j IN range(0, w.half_df)])
          ELSE 2 / pi() * (atan(abs(w.t_statistic) / sqrt(w.df)) + w.sin_theta * coalesce(list_sum([exp(lgamma(j + 1) + lgamma(0.5) - ln(2) - lgamma(j + 1.5) + (2 * j + 1) * w.ln_cos)
                                                                                                       FOR j IN range(0, w.half_df)]), 0.0))
        END) AS head_p
      FROM (
        SELECT v.*,
          v.df // 2 AS half_df,
          CASE WHEN v.df >= 1 THEN -0.5 * ln(1 + v.t_statistic * v.t_statistic / v.df) END AS ln_cos,
          CASE WHEN v.df >= 1 THEN abs(v.t_statistic) / sqrt(v.df + v.t_statistic * v.t_statistic) END AS sin_theta
        FROM t_stat AS v
      ) AS w
    ) AS x
  ) AS y
)
-- end student_t_two_sided
SELECT
  feature,
  r,
  CASE WHEN r < 0 THEN 'negative' WHEN r > 0 THEN 'positive' END AS direction,
  n,
  churned_mean,
  active_mean,
  t_statistic,
  CASE WHEN abs(r) = 1 THEN 0.0 ELSE p_value END AS p_value
FROM t_test
