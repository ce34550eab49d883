-- In its own month a cohort is fully active: period 0 retention is exactly 100 %.
-- @model retention_cohorts
SELECT cohort_month, users_active, cohort_size FROM retention_cohorts
WHERE period_number = 0 AND users_active <> cohort_size
