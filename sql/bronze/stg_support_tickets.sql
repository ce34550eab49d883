-- Support tickets, typed, priorities normalised to low, medium, high or critical.
-- @col ticket_id: Ticket key.
-- @col customer_id: Account that filed it.
-- @col created_at: When it was filed, UTC.
-- @col created_date: Date of created_at.
-- @col priority: low, medium, high or critical.
-- @col is_high_priority: TRUE for high and critical tickets.
-- @col topic: billing, technical, onboarding, compliance, integration or feature_request.
-- @col resolution_time: Hours to resolution.
-- @test unique: ticket_id
-- @test accepted_values: priority = low, medium, high, critical
-- @test accepted_values: topic = billing, technical, onboarding, compliance, integration, feature_request
-- @test relationships: customer_id -> stg_customers.customer_id
-- @test expression: resolution_time > 0
SELECT
  trim(ticket_id) AS ticket_id,
  trim(customer_id) AS customer_id,
  CAST(created_at AS TIMESTAMP) AS created_at,
  CAST(created_at AS DATE) AS created_date,
  lower(trim(priority)) AS priority,
  lower(trim(priority)) IN ('high', 'critical') AS is_high_priority,
  lower(trim(topic)) AS topic,
  resolution_time
FROM support_tickets
WHERE CAST(created_at AS DATE) <= (SELECT as_of_date FROM run_params)
QUALIFY row_number() OVER (PARTITION BY trim(ticket_id) ORDER BY created_at) = 1
