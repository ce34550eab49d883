-- No retention cell lies after the as-of month: later periods are censored, not zero.
-- @model retention_cohorts
SELECT r.* FROM retention_cohorts AS r
CROSS JOIN run_params AS p
WHERE r.period_month > p.as_of_date
