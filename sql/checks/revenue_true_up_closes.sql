-- Seed 004's true-up closes to the cent in every row of revenue_true_up: gross minus the
-- discounts by kind equals the invoices' net, and that minus the reversals by reason equals
-- the net after reversals; and the first-invoice scope agrees with first_month_accounts
-- (its pro-rata amounts x months covered give back the invoices' totals).
-- @model revenue_true_up
WITH first_months AS (
  SELECT quarter_start, acquisition_type, count(*) AS accounts,
    round(sum(gross * months_covered), 2) AS gross, round(sum(net * months_covered), 2) AS net
  FROM first_month_accounts
  GROUP BY quarter_start, acquisition_type
)
SELECT t.acquisition_quarter, t.acquisition_type, t.scope, t.gross, t.net, t.true_up_difference, f.gross AS first_month_gross_x_k, f.net AS first_month_net_x_k
FROM revenue_true_up AS t
LEFT JOIN first_months AS f ON f.quarter_start = t.quarter_start AND f.acquisition_type = t.acquisition_type
WHERE t.true_up_difference <> 0
   OR t.gross - t.welcome_offer_discount - t.prepaid_3_discount - t.prepaid_6_discount - t.annual_discount - t.promo_discount - t.other_discount <> t.net_before_reversals
   OR t.net_before_reversals - t.refund - t.chargeback - t.unsatisfied_return <> t.net
   OR (t.scope = 'first_invoice' AND (t.accounts <> coalesce(f.accounts, 0) OR t.gross <> coalesce(f.gross, 0) OR t.net <> coalesce(f.net, 0)))
