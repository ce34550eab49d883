-- Subscription state, MRR and billing agree: at every month end, an account's MRR equals the
-- monthly value of the subscription invoice covering that day (net / months covered), and
-- an account is billed exactly while it pays.
-- @model fct_subscription_months
SELECT m.customer_id, m.month, m.mrr, i.invoice_id, i.net_amount, i.months_covered
FROM fct_subscription_months AS m
LEFT JOIN stg_invoices AS i
  ON i.customer_id = m.customer_id AND i.transaction_type = 'subscription'
 AND CAST(m.snapshot_at AS DATE) BETWEEN i.period_start AND i.period_end
WHERE abs(m.mrr - coalesce(i.net_amount / i.months_covered, 0)) > 0.01
