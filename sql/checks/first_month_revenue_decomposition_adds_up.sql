-- The effects of first_month_revenue_decomposition add up to the change in average
-- first-month net revenue (to 1e-9 USD), and that change is the one first_month_net_revenue
-- shows between the same two quarters.
-- @model first_month_revenue_decomposition
WITH sums AS (
  SELECT base_quarter, compare_quarter, any_value(total_change) AS total_change, sum(effect) AS effects,
    any_value(base_avg_net) AS base_avg_net, any_value(compare_avg_net) AS compare_avg_net, count(*) AS rows_in_pair
  FROM first_month_revenue_decomposition
  GROUP BY base_quarter, compare_quarter
)
SELECT s.*, b.avg_net AS mart_base_avg_net, c.avg_net AS mart_compare_avg_net
FROM sums AS s
LEFT JOIN first_month_net_revenue AS b ON b.acquisition_quarter = s.base_quarter AND b.acquisition_type = 'subscription'
LEFT JOIN first_month_net_revenue AS c ON c.acquisition_quarter = s.compare_quarter AND c.acquisition_type = 'subscription'
WHERE s.rows_in_pair <> 21
   OR (s.total_change IS NULL) <> (s.effects IS NULL)
   OR abs(s.effects - s.total_change) > 1e-9
   OR abs(s.base_avg_net - b.avg_net) > 1e-9
   OR abs(s.compare_avg_net - c.avg_net) > 1e-9
