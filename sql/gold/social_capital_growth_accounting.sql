-- Monthly growth accounting of users (seed 002 social_capital_growth_accounting; Social
-- Capital's MAU(t) = new(t) + retained(t) + resurrected(t)). A user is active in a month with
-- at least one event in it. new = first active month ever; retained = active this month and
-- the previous one; resurrected = active this month, not the previous one, but active before;
-- churned = active the previous month, not this one. Counted from growth_user_days: a user's
-- first active day of a month (its previous active day says where the user came from) and
-- last one (its next active day says whether the user is absent the month after). Every month
-- from the first active month to the as-of month has a row, months without activity too;
-- months after the as-of date have none. The as-of month is partial unless the as-of date is
-- its last day, so its churned_users (and everything built on it) is provisional. Ratios with
-- a zero denominator are NULL. growth_quality_category uses the seed's quick-ratio
-- growth-quality classes (Unknown when the quick ratio is NULL, Declining below 1.0, Healthy
-- from 1.0 to 1.5, Strong from 1.5). calculated_at is the end of the as-of date, so the same
-- seed gives the same table.
-- The counting itself lives in silver growth_accounting_grains (grain = 'month').
-- Filterable by user (through growth_accounting_grains) and by month at query time.
-- @col activity_month: First day of the month.
-- @col is_partial_month: TRUE for the as-of month when the as-of date is not its last day.
-- @col total_mau: Users active in the month.
-- @col new_users: Users whose first active month is this month.
-- @col retained_users: Users active in this month and in the previous month.
-- @col resurrected_users: Users active in this month, not in the previous month, but in an earlier one.
-- @col churned_users: Users active in the previous month but not in this one.
-- @col retention_rate_pct: retained_users / previous month's total_mau x 100 (NULL when that is 0 or there is no previous month).
-- @col quick_ratio: (new_users + resurrected_users) / churned_users (NULL when no user churned).
-- @col growth_quality_category: Unknown (quick_ratio NULL), Declining (< 1.0), Healthy (1.0 to < 1.5) or Strong (>= 1.5).
-- @col verification_total: new_users + retained_users + resurrected_users; equals total_mau every month.
-- @col calculated_at: End of the as-of date (deterministic calculation timestamp).
-- @test unique: activity_month
-- @test not_null: activity_month, total_mau, new_users, retained_users, resurrected_users, churned_users, growth_quality_category
-- @test accepted_values: growth_quality_category = Unknown, Declining, Healthy, Strong
SELECT
  period_start AS activity_month,
  is_partial AS is_partial_month,
  total_active AS total_mau,
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
WHERE grain = 'month' AND TRUE /*period:period_start as activity_month*/
ORDER BY period_start
