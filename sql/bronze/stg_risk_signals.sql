-- Risk signals, typed, one row per account.
-- @col customer_id: Account.
-- @col compliance_gap_score: 0 to 1; higher = more compliance gaps.
-- @col vendor_risk_flags: Count of third-party vendor risk alerts.
-- @test unique: customer_id
-- @test expression: compliance_gap_score BETWEEN 0 AND 1 AND vendor_risk_flags >= 0
-- @test relationships: customer_id -> stg_customers.customer_id
SELECT trim(customer_id) AS customer_id, compliance_gap_score, vendor_risk_flags
FROM risk_signals
QUALIFY row_number() OVER (PARTITION BY trim(customer_id)) = 1
