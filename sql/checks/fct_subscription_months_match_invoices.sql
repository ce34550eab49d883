-- Subscription state, MRR and billing agree: at every month end an account is billed exactly
-- while it pays, and its MRR equals the monthly value of the subscription invoice covering
-- that day (net / months covered). Billing is read from the raw export so that an invoice
-- rejected for unreadable amounts (see stg_rejects) still counts as billed.
-- @model fct_subscription_months
WITH billed AS (
  SELECT trim(customer_id) AS customer_id, period_start, period_end, trim(invoice_id) AS invoice_id,
    TRY_CAST(replace(replace(trim(net_amount), ',', ''), '$', '') AS DECIMAL(12, 2)) / greatest(1, datediff('month', period_start, period_end + 1)) AS monthly_net
  FROM invoices
  WHERE lower(trim(transaction_type)) = 'subscription'
)
SELECT m.customer_id, m.month, m.mrr, b.invoice_id, b.monthly_net
FROM fct_subscription_months AS m
LEFT JOIN billed AS b ON b.customer_id = m.customer_id AND CAST(m.snapshot_at AS DATE) BETWEEN b.period_start AND b.period_end
WHERE (b.invoice_id IS NULL AND m.mrr > 0)
   OR (b.invoice_id IS NOT NULL AND m.mrr = 0)
   OR abs(m.mrr - b.monthly_net) > 0.01
