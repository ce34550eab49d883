-- First-month revenue of every account that ever paid (seed 004), one row per account: the
-- detail the first-month marts aggregate. An account's first month is the first month of
-- service paid by its first invoice (dim_customer_acquisition.first_invoice_id, the earliest
-- invoice issued): from that invoice's period_start to the day before the same date a month
-- later. Its first-month revenue is that invoice recognised pro rata: an invoice covering k
-- months contributes 1/k of its gross, of each discount and of each reversal to the first
-- month (prepaid 3 and 6 months and annual invoices alike); other purchases made later in
-- the same month (add-ons, gifts) are not part of it, so the figure is the price of entry.
-- This is exactly stories.test.ts story 6's (net - reversal) / months of the first invoice.
-- Reversals count whenever they happened up to the as-of date, against the invoice they
-- reverse. Seats and billing period come from the subscription state in force on the first
-- invoice's period_start (the change of that day included); amounts are USD as DOUBLE because
-- a k-month share of a cent amount is not a whole number of cents.
-- Filterable by account at query time (and so are the first-month marts built on it).
-- @col customer_id: Account.
-- @col acquisition_type: subscription, add_on or gift: what the first invoice bought.
-- @col acquisition_quarter: Quarter the first invoice was issued in, like 2024-Q1.
-- @col quarter_start: First day of acquisition_quarter.
-- @col acquisition_month: Month the first invoice was issued in.
-- @col first_invoice_id: The account's first invoice.
-- @col first_month_start: First day of the first month (the first invoice's period_start).
-- @col months_covered: Months the first invoice pays for (k); 1 for add-ons and gifts.
-- @col payment_status: paid, late or failed, of the first invoice.
-- @col plan_id: Plan of the first invoice (NULL for add-ons and gifts).
-- @col tier: Tier of that plan: Starter, Growth, Pro or Enterprise (NULL for add-ons and gifts).
-- @col billing_period: monthly or annual, from the subscription state (NULL without one).
-- @col seats: Seats of the subscription state (NULL without one).
-- @col list_price_per_seat: Price-book value of one seat for one month: the plan's monthly price, or its annual price / 12 when billed annually (NULL without a plan).
-- @col discount_kind: Kind of the first invoice's discount: welcome_offer, prepaid_3, prepaid_6, annual, promo, or NULL.
-- @col gross: First-month gross: gross_amount / k.
-- @col welcome_offer_discount: First-month welcome-offer discount: discount_amount / k when the discount is a welcome offer, else 0.
-- @col prepaid_3_discount: Same for a prepaid-3-months discount.
-- @col prepaid_6_discount: Same for a prepaid-6-months discount.
-- @col annual_discount: Same for the annual discount.
-- @col promo_discount: Same for a promo discount.
-- @col other_discount: Discount with no known kind / k (0 in clean data).
-- @col refund: First-month share of refunds of the first invoice: refunded amount / k.
-- @col chargeback: Same for chargebacks.
-- @col unsatisfied_return: Same for unsatisfied-return reversals.
-- @col has_unsatisfied_return: TRUE when the first invoice was (partly) reversed as an unsatisfied return.
-- @col net: First-month net revenue: (net_amount - reversals) / k = gross - discounts - reversals.
-- @test unique: customer_id
-- @test not_null: customer_id, acquisition_type, acquisition_quarter, first_invoice_id, gross, net
-- @test accepted_values: acquisition_type = subscription, add_on, gift
-- @test expression(closes): abs(gross - welcome_offer_discount - prepaid_3_discount - prepaid_6_discount - annual_discount - promo_discount - other_discount - refund - chargeback - unsatisfied_return - net) < 1e-9
WITH firsts AS (
  SELECT a.customer_id, a.acquisition_type, a.acquisition_quarter, a.acquisition_month, i.invoice_id, i.period_start, i.months_covered,
    i.payment_status, i.plan_id, i.discount_kind, i.gross_amount, i.discount_amount, i.net_amount, i.net_after_reversals
  FROM dim_customer_acquisition AS a
  JOIN fct_invoices AS i ON i.invoice_id = a.first_invoice_id
  WHERE TRUE /*accounts:a.customer_id*/
),
reversed AS (
  SELECT r.invoice_id,
    sum(r.amount) FILTER (WHERE r.reason = 'refund') AS refund,
    sum(r.amount) FILTER (WHERE r.reason = 'chargeback') AS chargeback,
    sum(r.amount) FILTER (WHERE r.reason = 'unsatisfied_return') AS unsatisfied_return
  FROM stg_reversals AS r
  SEMI JOIN firsts AS f ON f.invoice_id = r.invoice_id
  GROUP BY r.invoice_id
),
with_state AS (
  SELECT f.*, st.billing_period, st.seats
  FROM firsts AS f
  ASOF LEFT JOIN fct_subscription_states AS st
    ON st.customer_id = f.customer_id AND CAST(f.period_start AS TIMESTAMP) + INTERVAL 1 DAY > st.valid_from
)
SELECT
  f.customer_id,
  f.acquisition_type,
  f.acquisition_quarter,
  CAST(date_trunc('quarter', f.acquisition_month) AS DATE) AS quarter_start,
  f.acquisition_month,
  f.invoice_id AS first_invoice_id,
  f.period_start AS first_month_start,
  f.months_covered,
  f.payment_status,
  f.plan_id,
  p.tier,
  CASE WHEN f.plan_id IS NOT NULL THEN f.billing_period END AS billing_period,
  CASE WHEN f.plan_id IS NOT NULL THEN f.seats END AS seats,
  CASE WHEN f.billing_period = 'annual' THEN CAST(p.annual_price AS DOUBLE) / 12 ELSE CAST(p.monthly_price AS DOUBLE) END AS list_price_per_seat,
  f.discount_kind,
  CAST(f.gross_amount AS DOUBLE) / f.months_covered AS gross,
  CASE WHEN f.discount_kind = 'welcome_offer' THEN CAST(f.discount_amount AS DOUBLE) / f.months_covered ELSE 0 END AS welcome_offer_discount,
  CASE WHEN f.discount_kind = 'prepaid_3' THEN CAST(f.discount_amount AS DOUBLE) / f.months_covered ELSE 0 END AS prepaid_3_discount,
  CASE WHEN f.discount_kind = 'prepaid_6' THEN CAST(f.discount_amount AS DOUBLE) / f.months_covered ELSE 0 END AS prepaid_6_discount,
  CASE WHEN f.discount_kind = 'annual' THEN CAST(f.discount_amount AS DOUBLE) / f.months_covered ELSE 0 END AS annual_discount,
  CASE WHEN f.discount_kind = 'promo' THEN CAST(f.discount_amount AS DOUBLE) / f.months_covered ELSE 0 END AS promo_discount,
  CASE WHEN f.discount_kind IS NULL OR f.discount_kind NOT IN ('welcome_offer', 'prepaid_3', 'prepaid_6', 'annual', 'promo')
    THEN CAST(f.discount_amount AS DOUBLE) / f.months_covered ELSE 0 END AS other_discount,
  CAST(coalesce(r.refund, 0) AS DOUBLE) / f.months_covered AS refund,
  CAST(coalesce(r.chargeback, 0) AS DOUBLE) / f.months_covered AS chargeback,
  CAST(coalesce(r.unsatisfied_return, 0) AS DOUBLE) / f.months_covered AS unsatisfied_return,
  coalesce(r.unsatisfied_return, 0) > 0 AS has_unsatisfied_return,
  CAST(f.net_after_reversals AS DOUBLE) / f.months_covered AS net
FROM with_state AS f
LEFT JOIN reversed AS r ON r.invoice_id = f.invoice_id
LEFT JOIN stg_plans AS p ON p.plan_id = f.plan_id
