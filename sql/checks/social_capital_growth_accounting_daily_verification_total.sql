-- Every day, verification_total = new + retained + resurrected users equals total_dau.
-- @model social_capital_growth_accounting_daily
SELECT activity_date, total_dau, new_users, retained_users, resurrected_users, verification_total
FROM social_capital_growth_accounting_daily
WHERE verification_total <> total_dau OR new_users + retained_users + resurrected_users <> total_dau
