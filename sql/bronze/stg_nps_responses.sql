-- NPS answers with a valid 0 to 10 score (others go to stg_rejects).
-- @col response_id: Answer key.
-- @col customer_id: Account that answered.
-- @col responded_at: When, UTC.
-- @col score: Likelihood to recommend, 0 to 10.
-- @col nps_category: promoter (9-10), passive (7-8) or detractor (0-6).
-- @test unique: response_id
-- @test expression: score BETWEEN 0 AND 10
-- @test relationships: customer_id -> stg_customers.customer_id
SELECT
  trim(response_id) AS response_id,
  trim(customer_id) AS customer_id,
  CAST(responded_at AS TIMESTAMP) AS responded_at,
  score,
  CASE WHEN score >= 9 THEN 'promoter' WHEN score >= 7 THEN 'passive' ELSE 'detractor' END AS nps_category
FROM nps_responses
WHERE score BETWEEN 0 AND 10 AND CAST(responded_at AS DATE) <= (SELECT as_of_date FROM run_params)
