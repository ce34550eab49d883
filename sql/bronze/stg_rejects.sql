-- Raw rows the cleaning layer could not repair, with the reason, so that nothing is dropped
-- silently. Exact re-sends and repeated rows are not rejects: staging keeps one copy.
-- @col source_table: Raw table the row came from.
-- @col row_key: The row's key, as text (NULL when the key itself is missing).
-- @col reason: Why the row could not be used.
-- @col raw_row: The whole raw row, as text.
-- @warn expression(no_rejected_rows): false
SELECT 'events' AS source_table, CAST(e.event_id AS VARCHAR) AS row_key,
  CASE WHEN e.user_id IS NULL THEN 'missing user_id'
       WHEN e.event_time IS NULL THEN 'missing event_time'
       ELSE 'unknown event_type ' || e.event_type END AS reason,
  CAST(e AS VARCHAR) AS raw_row
FROM events AS e
WHERE e.user_id IS NULL OR e.event_time IS NULL
   OR lower(trim(e.event_type)) NOT IN ('evidence_upload', 'monitoring_run', 'report_view', 'user_invite', 'integration_connect', 'api_call',
                                        'premium_feature_trial', 'miles_earned', 'miles_redeemed', 'share', 'like', 'reward_search')
UNION ALL
SELECT 'invoices', i.invoice_id, 'amount is not a number', CAST(i AS VARCHAR)
FROM invoices AS i
WHERE TRY_CAST(replace(replace(trim(i.gross_amount), ',', ''), '$', '') AS DECIMAL(12, 2)) IS NULL
   OR TRY_CAST(replace(replace(trim(i.discount_amount), ',', ''), '$', '') AS DECIMAL(12, 2)) IS NULL
   OR TRY_CAST(replace(replace(trim(i.net_amount), ',', ''), '$', '') AS DECIMAL(12, 2)) IS NULL
UNION ALL
SELECT 'customers', NULL, 'missing customer_id', CAST(c AS VARCHAR) FROM customers AS c WHERE c.customer_id IS NULL
UNION ALL
SELECT 'nps_responses', n.response_id, 'score outside 0 to 10', CAST(n AS VARCHAR) FROM nps_responses AS n WHERE n.score NOT BETWEEN 0 AND 10 OR n.score IS NULL
