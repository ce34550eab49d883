-- Every week, verification_total = new + retained + resurrected users equals total_wau.
-- @model social_capital_growth_accounting_weekly
SELECT activity_week, total_wau, new_users, retained_users, resurrected_users, verification_total
FROM social_capital_growth_accounting_weekly
WHERE verification_total <> total_wau OR new_users + retained_users + resurrected_users <> total_wau
