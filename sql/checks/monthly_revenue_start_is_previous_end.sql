-- Seed 000's strict snapshot: each month starts at the previous month's end MRR.
-- @model monthly_revenue
SELECT month, start_mrr, previous_end FROM (
  SELECT month, start_mrr, lag(end_mrr) OVER (ORDER BY month) AS previous_end FROM monthly_revenue
) WHERE previous_end IS NOT NULL AND start_mrr <> previous_end
