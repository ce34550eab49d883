-- Reversals of invoices, typed.
-- @col reversal_id: Reversal key.
-- @col invoice_id: Invoice reversed.
-- @col reversed_at: When the money went back, UTC.
-- @col amount: Amount reversed, USD.
-- @col reason: refund, chargeback or unsatisfied_return.
-- @test unique: reversal_id
-- @test not_null: reversal_id, invoice_id, reversed_at, amount
-- @test accepted_values: reason = refund, chargeback, unsatisfied_return
-- @test expression: amount > 0
SELECT
  trim(reversal_id) AS reversal_id,
  trim(invoice_id) AS invoice_id,
  CAST(reversed_at AS TIMESTAMP) AS reversed_at,
  CAST(amount AS DECIMAL(12, 2)) AS amount,
  lower(trim(reason)) AS reason
FROM reversals
WHERE CAST(reversed_at AS DATE) <= (SELECT as_of_date FROM run_params)
QUALIFY row_number() OVER (PARTITION BY trim(reversal_id) ORDER BY reversed_at) = 1
