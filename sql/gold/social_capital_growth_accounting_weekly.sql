-- Weekly growth accounting of users: social_capital_growth_accounting's logic per ISO week
-- (weeks start on Monday). A user is active in a week with at least one event in it. new =
-- first active week ever; retained = active this week and the previous one; resurrected =
-- active this week, not the previous one, but active before; churned = active the previous
-- week, not this one. Counted from growth_user_days: a user's first active day of a week
-- (its previous active day says where the user came from) and last one (its next active day
-- says whether the user is absent the week after). Every week from the first active week to
-- the as-of week has a row; the as-of week is partial unless the as-of date is a Sunday, so
-- its churn is provisional. Ratios with a zero denominator are NULL; growth_quality_category
-- uses the seed's quick-ratio growth-quality classes. calculated_at is the end of the as-of
-- date (deterministic).
-- The counting itself lives in silver growth_accounting_grains (grain = 'week').
-- Filterable by user (through growth_accounting_grains) and by week at query time.
-- @col activity_week: Monday of the ISO week.
-- @col is_partial_week: TRUE for the as-of week when the as-of date is not its Sunday.
-- @col total_wau: Users active in the week.
-- @col new_users: Users whose first active week is this week.
-- @col retained_users: Users active in this week and in the previous week.
-- @col resurrected_users: Users active in this week, not in the previous week, but in an earlier one.
-- @col churned_users: Users active in the previous week but not in this one.
-- @col retention_rate_pct: retained_users / previous week's total_wau x 100 (NULL when that is 0 or there is no previous week).
-- @col quick_ratio: (new_users + resurrected_users) / churned_users (NULL when no user churned).
-- @col growth_quality_category: Unknown (quick_ratio NULL), Declining (< 1.0), Healthy (1.0 to < 1.5) or Strong (>= 1.5).
-- @col verification_total: new_users + retained_users + resurrected_users; equals total_wau every week.
-- @col calculated_at: End of the as-of date (deterministic calculation timestamp).
-- @test unique: activity_week
-- @test not_null: activity_week, total_wau, new_users, retained_users, resurrected_users, churned_users, growth_quality_category
-- @test accepted_values: growth_quality_category = Unknown, Declining, Healthy, Strong
-- @test expression(starts_on_monday): isodow(activity_week) = 1
SELECT
  period_start AS activity_week,
  is_partial AS is_partial_week,
  total_active AS total_wau,
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
WHERE grain = 'week' AND TRUE /*period:period_start as activity_week*/
ORDER BY period_start
