-- Each cohort has one row per month from its cohort month to the as-of month, none missing.
-- @model retention_cohorts
SELECT cohort_month, count(*) AS periods, max(period_number) AS last_period FROM retention_cohorts
GROUP BY cohort_month
HAVING count(*) <> max(period_number) + 1 OR count(DISTINCT period_number) <> count(*)
