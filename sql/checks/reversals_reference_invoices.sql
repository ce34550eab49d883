-- Every reversal references a real invoice and reverses no more than it billed.
-- @model stg_reversals
SELECT r.reversal_id, r.invoice_id, r.amount, i.net_amount
FROM stg_reversals AS r
LEFT JOIN stg_invoices AS i ON i.invoice_id = r.invoice_id
WHERE i.invoice_id IS NULL OR r.amount > i.net_amount
