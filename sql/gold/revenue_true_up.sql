-- Seed 004's true-up, as a gross-to-net waterfall per acquisition quarter and acquisition
-- type: gross list value, minus each kind of discount, minus each reason of reversal, equals
-- net, to the cent (true_up_difference must be 0.00). Two scopes: first_invoice (each
-- account's first invoice, in full: first_month_net_revenue shows it pro rata) and
-- all_invoices (every invoice the accounts acquired in the quarter were issued up to the
-- as-of date). Gross is also rebuilt from the price book, as the seed asks ("gross sits in
-- the pricing metadata"): seats and billing period of the subscription state in force on the
-- invoice's period_start x the plan's monthly price per seat x months covered (annual price
-- / 12 per month when billed annually); add-ons and gifts have no price-book entry and count
-- at their invoice gross. gross_plug = invoice gross - price-book gross shows any gap.
-- Reversals count against the invoice they reverse. A quarter without acquisitions still has
-- its rows, with accounts 0 and every amount 0.00.
-- Filterable by account and by quarter at query time.
-- @col acquisition_quarter: Quarter the accounts were acquired in (first invoice), like 2024-Q1.
-- @col quarter_start: First day of the quarter.
-- @col acquisition_type: subscription, add_on or gift.
-- @col scope: first_invoice (the accounts' first invoices) or all_invoices (all their invoices up to the as-of date).
-- @col is_partial_quarter: TRUE when the acquisition quarter is not over at the as-of date.
-- @col accounts: Accounts acquired in the quarter with this type.
-- @col invoices: Invoices in scope.
-- @col price_book_gross: Gross rebuilt from the price book and the subscription states, USD.
-- @col gross: Gross list value billed (sum of gross_amount), USD.
-- @col gross_plug: gross - price_book_gross, USD (0.00 when billing follows the price book).
-- @col welcome_offer_discount: Welcome-offer discounts, USD.
-- @col prepaid_3_discount: Prepaid-3-months discounts, USD.
-- @col prepaid_6_discount: Prepaid-6-months discounts, USD.
-- @col annual_discount: Annual discounts, USD.
-- @col promo_discount: Promo discounts, USD.
-- @col other_discount: Discounts of no known kind, USD (0.00 in clean data).
-- @col net_before_reversals: Sum of net_amount, USD: gross minus every discount.
-- @col refund: Refunds, USD.
-- @col chargeback: Chargebacks, USD.
-- @col unsatisfied_return: Unsatisfied-return reversals, USD.
-- @col net: Net after reversals, USD (sum of fct_invoices.net_after_reversals).
-- @col true_up_difference: gross - discounts - reversals - net; 0.00 when the true-up closes.
-- @test unique: acquisition_quarter, acquisition_type, scope
-- @test not_null: acquisition_quarter, quarter_start, acquisition_type, scope, accounts, invoices, gross, net, true_up_difference
-- @test accepted_values: scope = first_invoice, all_invoices
-- @warn expression(matches_price_book): gross_plug = 0
WITH params AS (
  SELECT as_of_date, CAST(date_trunc('quarter', window_start) AS DATE) AS window_quarter FROM run_params
),
acquired AS (
  SELECT customer_id, acquisition_type, first_invoice_id, CAST(date_trunc('quarter', acquisition_month) AS DATE) AS quarter_start
  FROM dim_customer_acquisition AS a
  WHERE acquisition_type <> 'none' AND TRUE /*accounts:a.customer_id*/
),
quarters AS (
  SELECT CAST(q.quarter_start AS DATE) AS quarter_start
  FROM params AS p
  CROSS JOIN (SELECT min(quarter_start) AS first_quarter FROM acquired) AS f
  CROSS JOIN LATERAL unnest(generate_series(CAST(least(p.window_quarter, coalesce(f.first_quarter, p.window_quarter)) AS TIMESTAMP),
    CAST(date_trunc('quarter', p.as_of_date) AS TIMESTAMP), INTERVAL 3 MONTH)) AS q(quarter_start)
),
grid AS (
  SELECT q.quarter_start, t.acquisition_type, s.scope
  FROM quarters AS q
  CROSS JOIN (VALUES ('subscription'), ('add_on'), ('gift')) AS t(acquisition_type)
  CROSS JOIN (VALUES ('first_invoice'), ('all_invoices')) AS s(scope)
),
reversed AS (
  SELECT invoice_id,
    sum(amount) FILTER (WHERE reason = 'refund') AS refund,
    sum(amount) FILTER (WHERE reason = 'chargeback') AS chargeback,
    sum(amount) FILTER (WHERE reason = 'unsatisfied_return') AS unsatisfied_return
  FROM stg_reversals
  GROUP BY invoice_id
),
invoiced AS (
  SELECT i.invoice_id, i.customer_id, i.period_start, i.months_covered, i.plan_id, i.discount_kind, i.gross_amount, i.discount_amount,
    i.net_amount, i.net_after_reversals, a.acquisition_type, a.quarter_start, i.invoice_id = a.first_invoice_id AS is_first
  FROM fct_invoices AS i
  JOIN acquired AS a ON a.customer_id = i.customer_id
),
priced AS (
  SELECT v.*,
    CAST(CASE
      WHEN v.plan_id IS NULL THEN v.gross_amount
      WHEN st.billing_period = 'annual' THEN st.seats * p.annual_price * v.months_covered / 12
      ELSE st.seats * p.monthly_price * v.months_covered
    END AS DECIMAL(14, 2)) AS price_book_gross
  FROM invoiced AS v
  ASOF LEFT JOIN fct_subscription_states AS st
    ON st.customer_id = v.customer_id AND CAST(v.period_start AS TIMESTAMP) + INTERVAL 1 DAY > st.valid_from
  LEFT JOIN stg_plans AS p ON p.plan_id = v.plan_id
),
scoped AS (
  SELECT v.*, s.scope
  FROM priced AS v
  JOIN (VALUES ('first_invoice'), ('all_invoices')) AS s(scope) ON s.scope = 'all_invoices' OR v.is_first
),
agg AS (
  SELECT
    v.quarter_start, v.acquisition_type, v.scope,
    count(DISTINCT v.customer_id) AS accounts,
    count(*) AS invoices,
    sum(v.price_book_gross) AS price_book_gross,
    sum(v.gross_amount) AS gross,
    sum(v.discount_amount) FILTER (WHERE v.discount_kind = 'welcome_offer') AS welcome_offer_discount,
    sum(v.discount_amount) FILTER (WHERE v.discount_kind = 'prepaid_3') AS prepaid_3_discount,
    sum(v.discount_amount) FILTER (WHERE v.discount_kind = 'prepaid_6') AS prepaid_6_discount,
    sum(v.discount_amount) FILTER (WHERE v.discount_kind = 'annual') AS annual_discount,
    sum(v.discount_amount) FILTER (WHERE v.discount_kind = 'promo') AS promo_discount,
    sum(v.discount_amount) FILTER (WHERE v.discount_kind IS NULL OR v.discount_kind NOT IN ('welcome_offer', 'prepaid_3', 'prepaid_6', 'annual', 'promo')) AS other_discount,
    sum(v.net_amount) AS net_before_reversals,
    sum(r.refund) AS refund,
    sum(r.chargeback) AS chargeback,
    sum(r.unsatisfied_return) AS unsatisfied_return,
    sum(v.net_after_reversals) AS net
  FROM scoped AS v
  LEFT JOIN reversed AS r ON r.invoice_id = v.invoice_id
  GROUP BY v.quarter_start, v.acquisition_type, v.scope
),
filled AS (
  SELECT
    g.quarter_start, g.acquisition_type, g.scope,
    coalesce(a.accounts, 0) AS accounts,
    coalesce(a.invoices, 0) AS invoices,
    CAST(coalesce(a.price_book_gross, 0) AS DECIMAL(14, 2)) AS price_book_gross,
    CAST(coalesce(a.gross, 0) AS DECIMAL(14, 2)) AS gross,
    CAST(coalesce(a.welcome_offer_discount, 0) AS DECIMAL(14, 2)) AS welcome_offer_discount,
    CAST(coalesce(a.prepaid_3_discount, 0) AS DECIMAL(14, 2)) AS prepaid_3_discount,
    CAST(coalesce(a.prepaid_6_discount, 0) AS DECIMAL(14, 2)) AS prepaid_6_discount,
    CAST(coalesce(a.annual_discount, 0) AS DECIMAL(14, 2)) AS annual_discount,
    CAST(coalesce(a.promo_discount, 0) AS DECIMAL(14, 2)) AS promo_discount,
    CAST(coalesce(a.other_discount, 0) AS DECIMAL(14, 2)) AS other_discount,
    CAST(coalesce(a.net_before_reversals, 0) AS DECIMAL(14, 2)) AS net_before_reversals,
    CAST(coalesce(a.refund, 0) AS DECIMAL(14, 2)) AS refund,
    CAST(coalesce(a.chargeback, 0) AS DECIMAL(14, 2)) AS chargeback,
    CAST(coalesce(a.unsatisfied_return, 0) AS DECIMAL(14, 2)) AS unsatisfied_return,
    CAST(coalesce(a.net, 0) AS DECIMAL(14, 2)) AS net
  FROM grid AS g
  LEFT JOIN agg AS a ON a.quarter_start = g.quarter_start AND a.acquisition_type = g.acquisition_type AND a.scope = g.scope
)
SELECT
  CAST(year(f.quarter_start) AS VARCHAR) || '-Q' || CAST(quarter(f.quarter_start) AS VARCHAR) AS acquisition_quarter,
  f.quarter_start,
  f.acquisition_type,
  f.scope,
  CAST(f.quarter_start + INTERVAL 3 MONTH AS DATE) - 1 > p.as_of_date AS is_partial_quarter,
  f.accounts, f.invoices, f.price_book_gross, f.gross,
  f.gross - f.price_book_gross AS gross_plug,
  f.welcome_offer_discount, f.prepaid_3_discount, f.prepaid_6_discount, f.annual_discount, f.promo_discount, f.other_discount,
  f.net_before_reversals, f.refund, f.chargeback, f.unsatisfied_return, f.net,
  f.gross - f.welcome_offer_discount - f.prepaid_3_discount - f.prepaid_6_discount - f.annual_discount - f.promo_discount - f.other_discount
    - f.refund - f.chargeback - f.unsatisfied_return - f.net AS true_up_difference
FROM filled AS f
CROSS JOIN params AS p
WHERE TRUE /*period:f.quarter_start as quarter_start*/
ORDER BY f.quarter_start, f.acquisition_type, f.scope DESC
