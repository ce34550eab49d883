-- Every reversal references a real invoice (in the raw export, so an invoice rejected for
-- unreadable amounts still counts) and reverses no more than the invoice's net amount.
-- @model stg_reversals
SELECT r.reversal_id, r.invoice_id, r.amount, i.net_amount
FROM stg_reversals AS r
LEFT JOIN invoices AS raw ON trim(raw.invoice_id) = r.invoice_id
LEFT JOIN stg_invoices AS i ON i.invoice_id = r.invoice_id
WHERE raw.invoice_id IS NULL OR r.amount > i.net_amount
