-- growth_metrics and social_capital_growth_accounting_daily count the same days and the same
-- new, retained, resurrected and churned users.
-- @model growth_metrics
SELECT coalesce(g.event_date, d.activity_date) AS day, g.daily_active_users, d.total_dau, g.new_users, d.new_users AS daily_new,
  g.retained_users, d.retained_users AS daily_retained, g.resurrected_users, d.resurrected_users AS daily_resurrected,
  g.churned_users, d.churned_users AS daily_churned
FROM growth_metrics AS g
FULL JOIN social_capital_growth_accounting_daily AS d ON d.activity_date = g.event_date
WHERE g.event_date IS NULL OR d.activity_date IS NULL
   OR g.daily_active_users <> d.total_dau OR g.new_users <> d.new_users OR g.retained_users <> d.retained_users
   OR g.resurrected_users <> d.resurrected_users OR g.churned_users <> d.churned_users
