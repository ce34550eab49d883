-- Each churn mart holds exactly its population of customer_lifecycle: every account that
-- ever paid in eda_customer_features, customer_churn_features and survival_table; the
-- active ones in mart_customer_churn_features; the active, never-upgraded ones in
-- mart_customer_expansion_features. Returns the accounts missing from, or extra in, a mart.
-- @model customer_lifecycle
WITH expected AS (
  SELECT 'eda_customer_features' AS mart, customer_id FROM customer_lifecycle
  UNION ALL SELECT 'customer_churn_features', customer_id FROM customer_lifecycle
  UNION ALL SELECT 'survival_table', customer_id FROM customer_lifecycle
  UNION ALL SELECT 'mart_customer_churn_features', customer_id FROM customer_lifecycle WHERE is_active
  UNION ALL SELECT 'mart_customer_expansion_features', customer_id FROM customer_lifecycle WHERE is_active AND NOT is_upgraded
),
actual AS (
  SELECT 'eda_customer_features' AS mart, customer_id FROM eda_customer_features
  UNION ALL SELECT 'customer_churn_features', customer_id FROM customer_churn_features
  UNION ALL SELECT 'survival_table', customer_id FROM survival_table
  UNION ALL SELECT 'mart_customer_churn_features', customer_id FROM mart_customer_churn_features
  UNION ALL SELECT 'mart_customer_expansion_features', customer_id FROM mart_customer_expansion_features
)
SELECT coalesce(e.mart, a.mart) AS mart, coalesce(e.customer_id, a.customer_id) AS customer_id,
  CASE WHEN a.customer_id IS NULL THEN 'missing' ELSE 'extra' END AS problem
FROM expected AS e
FULL JOIN actual AS a ON a.mart = e.mart AND a.customer_id = e.customer_id
WHERE e.customer_id IS NULL OR a.customer_id IS NULL
