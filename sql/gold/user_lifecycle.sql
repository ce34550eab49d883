-- Monthly lifecycle of users as PostHog draws it: new (first active month), returning (active
-- this month and the previous one), resurrecting (active this month, not the previous one,
-- but before) and dormant (active the previous month, not this one), dormant counted negative
-- so that it plots below the axis. These are social_capital_growth_accounting's new,
-- retained, resurrected and churned users under PostHog's names, one row per month from the
-- first active month to the as-of month. The as-of month is partial unless the as-of date is
-- its last day: its dormant count is provisional.
-- Filterable by user (through social_capital_growth_accounting) and by month at query time.
-- @col activity_month: First day of the month.
-- @col is_partial_month: TRUE for the as-of month when the as-of date is not its last day.
-- @col new_users: Users whose first active month is this month.
-- @col returning_users: Users active this month and the previous month.
-- @col resurrecting_users: Users active this month, not the previous month, but in an earlier one.
-- @col dormant_users: Minus the users active the previous month but not this one (0 or negative).
-- @col active_users: new_users + returning_users + resurrecting_users: the month's active users.
-- @test unique: activity_month
-- @test expression(dormant_negative): dormant_users <= 0
SELECT
  activity_month,
  is_partial_month,
  new_users,
  retained_users AS returning_users,
  resurrected_users AS resurrecting_users,
  -churned_users AS dormant_users,
  new_users + retained_users + resurrected_users AS active_users
FROM social_capital_growth_accounting
WHERE TRUE /*period:activity_month as activity_month*/
ORDER BY activity_month
