-- Invoices, typed: the export's text amounts ("1,234.50", "$12.00") parsed to decimals.
-- Invoices whose amounts cannot be parsed go to stg_rejects instead.
-- @col invoice_id: Invoice key.
-- @col customer_id: Account billed.
-- @col issued_at: When the invoice was issued, UTC.
-- @col period_start: First day the invoice pays for.
-- @col period_end: Last day the invoice pays for (inclusive).
-- @col months_covered: Calendar months the invoice pays for (1 for one-off purchases).
-- @col plan_id: Plan billed; NULL for one-off purchases.
-- @col gross_amount: List value billed, USD.
-- @col discount_amount: Discount deducted, USD.
-- @col net_amount: gross_amount - discount_amount, USD.
-- @col discount_id: Discount applied, if any.
-- @col payment_status: paid, late or failed.
-- @col transaction_type: subscription, add_on or gift.
-- @test unique: invoice_id
-- @test not_null: invoice_id, customer_id, issued_at, gross_amount, net_amount
-- @test accepted_values: payment_status = paid, late, failed
-- @test accepted_values: transaction_type = subscription, add_on, gift
-- @test relationships: customer_id -> stg_customers.customer_id
-- @test relationships: plan_id -> stg_plans.plan_id
-- @test relationships: discount_id -> stg_discounts.discount_id
-- @test expression: gross_amount - discount_amount = net_amount
-- @test expression: period_start <= period_end AND discount_amount >= 0
-- @test expression: (plan_id IS NULL) = (transaction_type <> 'subscription')
WITH parsed AS (
  SELECT
    *,
    TRY_CAST(replace(replace(trim(gross_amount), ',', ''), '$', '') AS DECIMAL(12, 2)) AS gross,
    TRY_CAST(replace(replace(trim(discount_amount), ',', ''), '$', '') AS DECIMAL(12, 2)) AS discount,
    TRY_CAST(replace(replace(trim(net_amount), ',', ''), '$', '') AS DECIMAL(12, 2)) AS net
  FROM invoices
  WHERE CAST(issued_at AS DATE) <= (SELECT as_of_date FROM run_params)
)
SELECT
  trim(invoice_id) AS invoice_id,
  trim(customer_id) AS customer_id,
  CAST(issued_at AS TIMESTAMP) AS issued_at,
  period_start,
  period_end,
  greatest(1, datediff('month', period_start, period_end + 1)) AS months_covered,
  trim(plan_id) AS plan_id,
  gross AS gross_amount,
  discount AS discount_amount,
  net AS net_amount,
  trim(discount_id) AS discount_id,
  lower(trim(payment_status)) AS payment_status,
  lower(trim(transaction_type)) AS transaction_type
FROM parsed
WHERE gross IS NOT NULL AND discount IS NOT NULL AND net IS NOT NULL AND invoice_id IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY trim(invoice_id) ORDER BY issued_at) = 1
