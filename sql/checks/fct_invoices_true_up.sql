-- Seed 004's true-up: gross - discount - reversals = net after reversals, to the cent.
-- @model fct_invoices
SELECT invoice_id, gross_amount, discount_amount, reversal_amount, net_after_reversals FROM fct_invoices
WHERE gross_amount - discount_amount - reversal_amount <> net_after_reversals OR gross_amount - discount_amount <> net_amount
