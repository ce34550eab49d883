-- Invoices with their reversals: gross, discount, reversals and net after reversals, and
-- the monthly revenue each recognises over the months it covers (seed 004's true-up:
-- gross - discount - reversals = net, to the cent).
-- @col invoice_id: Invoice key.
-- @col customer_id: Account billed.
-- @col issued_at: When it was issued.
-- @col issued_month: Month it was issued.
-- @col period_start: First day paid for.
-- @col period_end: Last day paid for.
-- @col months_covered: Months paid for.
-- @col plan_id: Plan billed (NULL for one-off purchases).
-- @col transaction_type: subscription, add_on or gift.
-- @col payment_status: paid, late or failed.
-- @col discount_id: Discount applied, if any.
-- @col discount_kind: Kind of that discount.
-- @col gross_amount: List value billed.
-- @col discount_amount: Discount deducted.
-- @col net_amount: gross_amount - discount_amount.
-- @col reversal_amount: Total reversed (refunds, chargebacks, unsatisfied returns).
-- @col unsatisfied_return_amount: Part of reversal_amount reversed as unsatisfied returns.
-- @col net_after_reversals: net_amount - reversal_amount.
-- @col monthly_net_revenue: net_after_reversals / months_covered.
-- @test unique: invoice_id
-- @test expression: months_covered >= 1
-- @test relationships: invoice_id -> stg_invoices.invoice_id
WITH rev AS (
  SELECT invoice_id, sum(amount) AS reversal_amount, sum(amount) FILTER (WHERE reason = 'unsatisfied_return') AS unsatisfied_return_amount
  FROM stg_reversals GROUP BY invoice_id
)
SELECT
  i.invoice_id,
  i.customer_id,
  i.issued_at,
  CAST(date_trunc('month', i.issued_at) AS DATE) AS issued_month,
  i.period_start,
  i.period_end,
  i.months_covered,
  i.plan_id,
  i.transaction_type,
  i.payment_status,
  i.discount_id,
  d.kind AS discount_kind,
  i.gross_amount,
  i.discount_amount,
  i.net_amount,
  CAST(coalesce(r.reversal_amount, 0) AS DECIMAL(12, 2)) AS reversal_amount,
  CAST(coalesce(r.unsatisfied_return_amount, 0) AS DECIMAL(12, 2)) AS unsatisfied_return_amount,
  CAST(i.net_amount - coalesce(r.reversal_amount, 0) AS DECIMAL(12, 2)) AS net_after_reversals,
  CAST((i.net_amount - coalesce(r.reversal_amount, 0)) / i.months_covered AS DECIMAL(12, 4)) AS monthly_net_revenue
FROM stg_invoices AS i
LEFT JOIN rev AS r ON r.invoice_id = i.invoice_id
LEFT JOIN stg_discounts AS d ON d.discount_id = i.discount_id
