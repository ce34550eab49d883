-- Average first-month revenue by acquisition quarter and acquisition type (seed 004's
-- revenue puzzle): accounts acquired, their average first-month gross, discounts by kind,
-- reversals by reason and net, and the shares that drive them. The first month and its
-- pro-rata revenue are defined in first_month_accounts (the first invoice's amounts / the
-- months it covers, as stories.test.ts story 6 computes it); averages are per account
-- acquired, so avg gross - avg discounts - avg reversals = avg net. Every quarter from the
-- window's first (or the first acquisition's, if earlier) to the as-of quarter has a row
-- for each acquisition type, even with no account: then accounts is 0 and every average and
-- share is NULL (zero denominator). Shares of plans, seats and prices are over the accounts
-- with a plan (subscription acquisitions); they are NULL for add-on and gift acquisitions.
-- Filterable by account (through first_month_accounts) and by quarter at query time.
-- @col acquisition_quarter: Quarter of the first invoice, like 2024-Q1.
-- @col quarter_start: First day of the quarter.
-- @col acquisition_type: subscription, add_on or gift.
-- @col is_partial_quarter: TRUE when the quarter is not over at the as-of date (and its latest accounts' reversals may still come).
-- @col accounts: Accounts whose first invoice was issued in the quarter with this type.
-- @col avg_gross: Average first-month gross (list value), USD.
-- @col avg_welcome_offer_discount: Average first-month welcome-offer discount, USD.
-- @col avg_prepaid_3_discount: Average first-month prepaid-3-months discount, USD.
-- @col avg_prepaid_6_discount: Average first-month prepaid-6-months discount, USD.
-- @col avg_annual_discount: Average first-month annual discount, USD.
-- @col avg_promo_discount: Average first-month promo discount, USD.
-- @col avg_other_discount: Average first-month discount of no known kind, USD (0 in clean data).
-- @col avg_refund: Average first-month refund, USD.
-- @col avg_chargeback: Average first-month chargeback, USD.
-- @col avg_unsatisfied_return: Average first-month unsatisfied-return reversal, USD.
-- @col avg_net: Average first-month net revenue, USD: avg_gross minus every discount and reversal above.
-- @col welcome_offer_share: Share of the accounts whose first invoice carries the welcome offer.
-- @col prepaid_share: Share whose first invoice is prepaid for 3 or 6 months.
-- @col annual_share: Share whose first invoice is annual.
-- @col starter_share: Share of the accounts with a plan whose first plan is Starter.
-- @col growth_share: Same for Growth.
-- @col pro_share: Same for Pro.
-- @col enterprise_share: Same for Enterprise.
-- @col avg_seats: Average seats of the accounts with a plan.
-- @col avg_list_price_per_seat: Average list price of one seat for one month, over the accounts with a plan, USD.
-- @col unsatisfied_return_rate: Share of the accounts whose first invoice was reversed as an unsatisfied return.
-- @test unique: acquisition_quarter, acquisition_type
-- @test not_null: acquisition_quarter, quarter_start, acquisition_type, is_partial_quarter, accounts
-- @test expression(averages_close): accounts = 0 OR abs(avg_gross - avg_welcome_offer_discount - avg_prepaid_3_discount - avg_prepaid_6_discount - avg_annual_discount - avg_promo_discount - avg_other_discount - avg_refund - avg_chargeback - avg_unsatisfied_return - avg_net) < 1e-9
-- @test expression(empty_is_null): (accounts = 0) = (avg_net IS NULL)
WITH params AS (
  SELECT as_of_date, CAST(date_trunc('quarter', window_start) AS DATE) AS window_quarter FROM run_params
),
quarters AS (
  SELECT CAST(q.quarter_start AS DATE) AS quarter_start
  FROM params AS p
  CROSS JOIN (SELECT min(quarter_start) AS first_quarter FROM first_month_accounts) AS f
  CROSS JOIN LATERAL unnest(generate_series(CAST(least(p.window_quarter, coalesce(f.first_quarter, p.window_quarter)) AS TIMESTAMP),
    CAST(date_trunc('quarter', p.as_of_date) AS TIMESTAMP), INTERVAL 3 MONTH)) AS q(quarter_start)
),
grid AS (
  SELECT q.quarter_start, t.acquisition_type
  FROM quarters AS q
  CROSS JOIN (VALUES ('subscription'), ('add_on'), ('gift')) AS t(acquisition_type)
),
agg AS (
  SELECT
    quarter_start, acquisition_type,
    count(*) AS accounts,
    avg(gross) AS avg_gross,
    avg(welcome_offer_discount) AS avg_welcome_offer_discount,
    avg(prepaid_3_discount) AS avg_prepaid_3_discount,
    avg(prepaid_6_discount) AS avg_prepaid_6_discount,
    avg(annual_discount) AS avg_annual_discount,
    avg(promo_discount) AS avg_promo_discount,
    avg(other_discount) AS avg_other_discount,
    avg(refund) AS avg_refund,
    avg(chargeback) AS avg_chargeback,
    avg(unsatisfied_return) AS avg_unsatisfied_return,
    avg(net) AS avg_net,
    avg(CASE WHEN discount_kind = 'welcome_offer' THEN 1.0 ELSE 0.0 END) AS welcome_offer_share,
    avg(CASE WHEN discount_kind IN ('prepaid_3', 'prepaid_6') THEN 1.0 ELSE 0.0 END) AS prepaid_share,
    avg(CASE WHEN billing_period = 'annual' THEN 1.0 ELSE 0.0 END) AS annual_share,
    count(*) FILTER (WHERE tier = 'Starter') / nullif(count(tier), 0) AS starter_share,
    count(*) FILTER (WHERE tier = 'Growth') / nullif(count(tier), 0) AS growth_share,
    count(*) FILTER (WHERE tier = 'Pro') / nullif(count(tier), 0) AS pro_share,
    count(*) FILTER (WHERE tier = 'Enterprise') / nullif(count(tier), 0) AS enterprise_share,
    avg(seats) AS avg_seats,
    avg(list_price_per_seat) FILTER (WHERE tier IS NOT NULL) AS avg_list_price_per_seat,
    avg(CASE WHEN has_unsatisfied_return THEN 1.0 ELSE 0.0 END) AS unsatisfied_return_rate
  FROM first_month_accounts
  GROUP BY quarter_start, acquisition_type
)
SELECT
  CAST(year(g.quarter_start) AS VARCHAR) || '-Q' || CAST(quarter(g.quarter_start) AS VARCHAR) AS acquisition_quarter,
  g.quarter_start,
  g.acquisition_type,
  CAST(g.quarter_start + INTERVAL 3 MONTH AS DATE) - 1 > p.as_of_date AS is_partial_quarter,
  coalesce(a.accounts, 0) AS accounts,
  a.avg_gross, a.avg_welcome_offer_discount, a.avg_prepaid_3_discount, a.avg_prepaid_6_discount, a.avg_annual_discount,
  a.avg_promo_discount, a.avg_other_discount, a.avg_refund, a.avg_chargeback, a.avg_unsatisfied_return, a.avg_net,
  CAST(a.welcome_offer_share AS DOUBLE) AS welcome_offer_share,
  CAST(a.prepaid_share AS DOUBLE) AS prepaid_share,
  CAST(a.annual_share AS DOUBLE) AS annual_share,
  a.starter_share, a.growth_share, a.pro_share, a.enterprise_share,
  a.avg_seats, a.avg_list_price_per_seat,
  CAST(a.unsatisfied_return_rate AS DOUBLE) AS unsatisfied_return_rate
FROM grid AS g
LEFT JOIN agg AS a ON a.quarter_start = g.quarter_start AND a.acquisition_type = g.acquisition_type
CROSS JOIN params AS p
WHERE TRUE /*period:g.quarter_start as quarter_start*/
ORDER BY g.quarter_start, g.acquisition_type
