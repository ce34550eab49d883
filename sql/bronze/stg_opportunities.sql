-- CRM deals, typed.
-- @col opp_id: Deal key.
-- @col customer_id: Account.
-- @col stage: prospecting, qualification, proposal, closed_won or closed_lost.
-- @col is_open: TRUE while the deal is neither won nor lost.
-- @col created_date: When the deal was opened.
-- @col close_date: Actual or expected close date.
-- @col amount: Deal value, USD per year.
-- @col sales_owner: Anonymised rep.
-- @col opportunity_type: expansion or new_business.
-- @test unique: opp_id
-- @test accepted_values: stage = prospecting, qualification, proposal, closed_won, closed_lost
-- @test accepted_values: opportunity_type = expansion, new_business
-- @test relationships: customer_id -> stg_customers.customer_id
-- @test expression: created_date <= close_date
SELECT
  trim(opp_id) AS opp_id,
  trim(customer_id) AS customer_id,
  lower(trim(stage)) AS stage,
  lower(trim(stage)) NOT IN ('closed_won', 'closed_lost') AS is_open,
  created_date,
  close_date,
  CAST(amount AS DECIMAL(12, 2)) AS amount,
  trim(sales_owner) AS sales_owner,
  lower(trim(opportunity_type)) AS opportunity_type
FROM opportunities
