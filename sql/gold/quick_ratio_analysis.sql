-- Monthly quick-ratio analysis of users with alerts, benchmarks and recommendations (seed 002
-- quick_ratio_analysis), from social_capital_growth_accounting. The categories, thresholds,
-- alert levels and recommendations are the seed's, as written there. When several alerts
-- fire, the most severe wins (CRITICAL, then the warnings in the seed's order, else OK); a
-- churn above 1.5 x (new + resurrected) always means a quick ratio below 1.0, so it shows as
-- CRITICAL. Recommendations are tested in the seed's order. A month with a NULL quick ratio
-- (nobody churned) or a NULL retention rate gets a NULL score and benchmark. business_stage
-- counts months since the first active month (that month is 0). The as-of month is partial
-- and its figures provisional.
-- Filterable by user (through social_capital_growth_accounting) and by month at query time; a
-- kept month's averages, changes and stage still see the months before it.
-- @col activity_month: First day of the month.
-- @col is_partial_month: TRUE for the as-of month when the as-of date is not its last day.
-- @col quick_ratio: (new_users + resurrected_users) / churned_users; NULL when no user churned.
-- @col quick_ratio_3mo_avg: Mean of the non-NULL quick ratios of this month and the two before it.
-- @col alert_level: CRITICAL: Quick Ratio Below 1.0 (quick_ratio < 1.0); WARNING: Quick Ratio Dropped Below 1.2 (< 1.2 after >= 1.2 the previous month); WARNING: Quick Ratio Declined >0.3 Points (quick_ratio_change < -0.3); WARNING: Churn Significantly Exceeding Growth (churned_users > (new_users + resurrected_users) x 1.5); otherwise OK.
-- @col growth_quality_score: round(min(100, quick_ratio x 50)), 0 to 100; NULL when quick_ratio is NULL.
-- @col retention_benchmark: Excellent (80%+), Good (60-80%), Average (40-60%), Below Average (20-40%) or Poor (<20%) by retention_rate_pct; NULL when it is NULL.
-- @col quick_ratio_benchmark: Top Tier (2.0+), Strong (1.5-2.0), Healthy (1.0-1.5), Concerning (0.8-1.0) or Critical (<0.8); NULL when quick_ratio is NULL.
-- @col business_stage: Early Stage (< 6 months since the first active month), Growth Stage (6 to 24 months) or Mature Stage (more than 24).
-- @col strategic_recommendation: First that applies: Focus on reducing churn before growth (quick_ratio < 1.0); Invest heavily in user acquisition (quick_ratio >= 1.5 and retention >= 60 %); Improve product stickiness and onboarding (retention < 40 %); Restart user acquisition efforts (new_users = 0); else Optimize current growth strategy.
-- @col new_users: New users of the month (input of the alerts and recommendations).
-- @col resurrected_users: Resurrected users of the month.
-- @col churned_users: Churned users of the month.
-- @col retention_rate_pct: Month-over-month retention, retained / previous month's MAU x 100.
-- @col prev_month_quick_ratio: The previous month's quick ratio.
-- @col quick_ratio_change: quick_ratio - prev_month_quick_ratio, rounded to 9 decimals.
-- @col months_since_start: Months since the first active month (0 for that month).
-- @test unique: activity_month
-- @test not_null: alert_level, business_stage, strategic_recommendation
-- @test accepted_values: alert_level = OK, WARNING: Quick Ratio Dropped Below 1.2, WARNING: Quick Ratio Declined >0.3 Points, WARNING: Churn Significantly Exceeding Growth, CRITICAL: Quick Ratio Below 1.0
-- @test accepted_values: business_stage = Early Stage, Growth Stage, Mature Stage
-- @test expression(score_in_range): growth_quality_score IS NULL OR growth_quality_score BETWEEN 0 AND 100
WITH base AS (
  SELECT
    activity_month, is_partial_month, quick_ratio, new_users, resurrected_users, churned_users, retention_rate_pct,
    avg(quick_ratio) OVER (ORDER BY activity_month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS quick_ratio_3mo_avg,
    lag(quick_ratio) OVER (ORDER BY activity_month) AS prev_month_quick_ratio,
    -- Rounded so that float noise does not decide the -0.3 threshold (1.2 - 1.5 is not below -0.3).
    round(quick_ratio - lag(quick_ratio) OVER (ORDER BY activity_month), 9) AS quick_ratio_change,
    CAST(datediff('month', min(activity_month) OVER (), activity_month) AS INTEGER) AS months_since_start
  FROM social_capital_growth_accounting
)
SELECT
  activity_month,
  is_partial_month,
  quick_ratio,
  quick_ratio_3mo_avg,
  CASE
    WHEN quick_ratio < 1.0 THEN 'CRITICAL: Quick Ratio Below 1.0'
    WHEN quick_ratio < 1.2 AND prev_month_quick_ratio >= 1.2 THEN 'WARNING: Quick Ratio Dropped Below 1.2'
    WHEN quick_ratio_change < -0.3 THEN 'WARNING: Quick Ratio Declined >0.3 Points'
    WHEN churned_users > (new_users + resurrected_users) * 1.5 THEN 'WARNING: Churn Significantly Exceeding Growth'
    ELSE 'OK'
  END AS alert_level,
  -- least() skips NULLs in DuckDB, so a NULL quick ratio is handled first.
  CASE WHEN quick_ratio IS NOT NULL THEN CAST(round(least(100, quick_ratio * 50)) AS INTEGER) END AS growth_quality_score,
  CASE
    WHEN retention_rate_pct IS NULL THEN NULL
    WHEN retention_rate_pct >= 80 THEN 'Excellent (80%+)'
    WHEN retention_rate_pct >= 60 THEN 'Good (60-80%)'
    WHEN retention_rate_pct >= 40 THEN 'Average (40-60%)'
    WHEN retention_rate_pct >= 20 THEN 'Below Average (20-40%)'
    ELSE 'Poor (<20%)'
  END AS retention_benchmark,
  CASE
    WHEN quick_ratio IS NULL THEN NULL
    WHEN quick_ratio >= 2.0 THEN 'Top Tier (2.0+)'
    WHEN quick_ratio >= 1.5 THEN 'Strong (1.5-2.0)'
    WHEN quick_ratio >= 1.0 THEN 'Healthy (1.0-1.5)'
    WHEN quick_ratio >= 0.8 THEN 'Concerning (0.8-1.0)'
    ELSE 'Critical (<0.8)'
  END AS quick_ratio_benchmark,
  CASE
    WHEN months_since_start < 6 THEN 'Early Stage'
    WHEN months_since_start <= 24 THEN 'Growth Stage'
    ELSE 'Mature Stage'
  END AS business_stage,
  CASE
    WHEN quick_ratio < 1.0 THEN 'Focus on reducing churn before growth'
    WHEN quick_ratio >= 1.5 AND retention_rate_pct >= 60 THEN 'Invest heavily in user acquisition'
    WHEN retention_rate_pct < 40 THEN 'Improve product stickiness and onboarding'
    WHEN new_users = 0 THEN 'Restart user acquisition efforts'
    ELSE 'Optimize current growth strategy'
  END AS strategic_recommendation,
  new_users,
  resurrected_users,
  churned_users,
  retention_rate_pct,
  prev_month_quick_ratio,
  quick_ratio_change,
  months_since_start
FROM base
WHERE TRUE /*period:activity_month as activity_month*/
ORDER BY activity_month
