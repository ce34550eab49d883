-- Discount offers, typed.
-- @col discount_id: Discount key.
-- @col kind: welcome_offer, prepaid_3, prepaid_6, annual or promo.
-- @col percent: Percent off the list value while the discount lasts.
-- @col duration_months: Months the discount lasts from the start of the state it applies to; prepaid and annual discounts renew with each prepaid period.
-- @test unique: discount_id
-- @test accepted_values: kind = welcome_offer, prepaid_3, prepaid_6, annual, promo
-- @test expression: percent > 0 AND percent < 100
SELECT trim(discount_id) AS discount_id, lower(trim(kind)) AS kind, CAST(percent AS DECIMAL(5, 2)) AS percent, duration_months
FROM discounts
