-- The log-rank bookkeeping closes: over all tiers, expected churns add up to the observed
-- ones (the O - E sum to 0), and the test itself (statistic, degrees of freedom, p-value) is
-- the same on every row.
-- @model survival_logrank
SELECT sum(observed_events) AS observed, sum(expected_events) AS expected,
  count(DISTINCT coalesce(CAST(chi_square AS VARCHAR), 'null') || '/' || CAST(degrees_of_freedom AS VARCHAR) || '/' || coalesce(CAST(p_value AS VARCHAR), 'null')) AS tests
FROM survival_logrank
HAVING abs(sum(observed_events) - sum(expected_events)) > 1e-6 OR count(DISTINCT coalesce(CAST(chi_square AS VARCHAR), 'null') || '/' || CAST(degrees_of_freedom AS VARCHAR) || '/' || coalesce(CAST(p_value AS VARCHAR), 'null')) > 1
