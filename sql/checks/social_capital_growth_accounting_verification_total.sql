-- Seed 002's verification: every month, verification_total = new + retained + resurrected
-- users equals total_mau.
-- @model social_capital_growth_accounting
SELECT activity_month, total_mau, new_users, retained_users, resurrected_users, verification_total
FROM social_capital_growth_accounting
WHERE verification_total <> total_mau OR new_users + retained_users + resurrected_users <> total_mau
