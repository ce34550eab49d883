-- Retention rates lie between 0 and 100 and never exceed the cohort size.
-- @model retention_cohorts
SELECT * FROM retention_cohorts
WHERE retention_rate < 0 OR retention_rate > 100 OR users_active > cohort_size
