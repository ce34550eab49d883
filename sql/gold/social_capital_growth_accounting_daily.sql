-- Daily growth accounting of users: social_capital_growth_accounting's logic per day. A user
-- is active on a day with at least one event (growth_user_days). new = first active day ever;
-- retained = active today and yesterday; resurrected = active today, not yesterday, but active
-- before; churned = active yesterday, not today. Every day from the first active day to the
-- as-of date has a row (days without activity too); data is complete through the as-of date,
-- so no day is partial. Ratios with a zero denominator are NULL; growth_quality_category uses
-- the seed's daily growth-quality classes. calculated_at is the end of the as-of date
-- (deterministic).
-- The counting itself lives in silver growth_accounting_grains (grain = 'day').
-- Filterable by user (through growth_accounting_grains) and by day at query time.
-- @col activity_date: The day.
-- @col total_dau: Users active on the day.
-- @col new_users: Users whose first active day is this day.
-- @col retained_users: Users active on this day and the day before.
-- @col resurrected_users: Users active on this day, not the day before, but on an earlier day.
-- @col churned_users: Users active the day before but not on this day.
-- @col retention_rate_pct: retained_users / previous day's total_dau x 100 (NULL when that is 0 or there is no previous day).
-- @col quick_ratio: (new_users + resurrected_users) / churned_users (NULL when no user churned).
-- @col growth_quality_category: Unknown (quick_ratio NULL), Declining (< 1.0), Healthy (1.0 to < 1.5) or Strong (>= 1.5).
-- @col verification_total: new_users + retained_users + resurrected_users; equals total_dau every day.
-- @col calculated_at: End of the as-of date (deterministic calculation timestamp).
-- @test unique: activity_date
-- @test not_null: activity_date, total_dau, new_users, retained_users, resurrected_users, churned_users, growth_quality_category
-- @test accepted_values: growth_quality_category = Unknown, Declining, Healthy, Strong
SELECT
  period_start AS activity_date,
  total_active AS total_dau,
  new_users,
  retained_users,
  resurrected_users,
  churned_users,
  retention_rate_pct,
  quick_ratio,
  growth_quality_category,
  verification_total,
  calculated_at
FROM growth_accounting_grains
WHERE grain = 'day' AND TRUE /*period:period_start as activity_date*/
ORDER BY period_start
