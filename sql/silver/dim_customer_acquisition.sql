-- How each account entered (seed 004 dim_customer_acquisition): its first transaction and
-- whether it came through a subscription, an a la carte add-on or a gift; accounts that
-- never paid have acquisition_type none.
-- @col customer_id: Account.
-- @col signup_at: Sign-up instant.
-- @col acquisition_channel: organic, paid, social or referral.
-- @col acquisition_type: subscription, add_on, gift or none.
-- @col first_transaction_at: When the first invoice was issued.
-- @col acquisition_month: Month of the first transaction.
-- @col acquisition_quarter: Quarter of the first transaction, like 2024-Q1.
-- @col first_invoice_id: The first invoice.
-- @col first_plan_id: Plan of the first subscription invoice, if any.
-- @test unique: customer_id
-- @test accepted_values: acquisition_type = subscription, add_on, gift, none
-- @test expression: (acquisition_type = 'none') = (first_transaction_at IS NULL)
WITH firsts AS (
  SELECT customer_id, invoice_id, issued_at, transaction_type, plan_id
  FROM stg_invoices
  QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY issued_at, invoice_id) = 1
)
SELECT
  c.customer_id,
  c.signup_at,
  c.acquisition_channel,
  coalesce(f.transaction_type, 'none') AS acquisition_type,
  f.issued_at AS first_transaction_at,
  CAST(date_trunc('month', f.issued_at) AS DATE) AS acquisition_month,
  CAST(year(f.issued_at) AS VARCHAR) || '-Q' || CAST(quarter(f.issued_at) AS VARCHAR) AS acquisition_quarter,
  f.invoice_id AS first_invoice_id,
  f.plan_id AS first_plan_id
FROM stg_customers AS c
LEFT JOIN firsts AS f ON f.customer_id = c.customer_id
