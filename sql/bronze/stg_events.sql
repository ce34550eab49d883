-- Usage events, typed and normalised, one row per event_id (exact re-sends are dropped).
-- Events after the as-of date are not yet observable and are left out. event_type and
-- platform are ENUMs, one byte a row instead of a string (the events are the largest data
-- by far); they compare, group and concatenate like text.
-- @col event_id: Event key.
-- @col user_id: User who acted.
-- @col customer_id: Account of the user.
-- @col event_time: When the event happened, UTC, microsecond precision.
-- @col event_date: Date part of event_time.
-- @col event_type: Product events (evidence_upload, monitoring_run, report_view, user_invite, integration_connect, api_call, premium_feature_trial) and rewards events (miles_earned, miles_redeemed, share, like, reward_search).
-- @col platform: Platform of the event: Web, iOS or Android.
-- @col utm_source: Attribution of the user's account: organic, paid, social or referral.
-- @col country: ISO 3166 country code of the user.
-- @col miles_amount: Miles earned or redeemed; NULL for other events.
-- @col transaction_category: Category of a miles transaction; NULL for other events.
-- @col feature_adoption_score: 0 to 1 composite adoption score of the user at the time of the event.
-- @col received_at: When the event reached the warehouse, UTC.
-- @col is_late_arrival: TRUE when the event arrived more than a day after it happened.
-- @test not_null: event_id, user_id, customer_id, event_time, event_type
-- @test accepted_values: platform = iOS, Android, Web
-- @test accepted_values: utm_source = organic, paid, social, referral
-- @test relationships: customer_id -> stg_customers.customer_id
-- @test expression: miles_amount IS NULL OR miles_amount > 0
-- @test expression: (miles_amount IS NOT NULL) = (event_type IN ('miles_earned', 'miles_redeemed'))
-- @test expression: feature_adoption_score BETWEEN 0 AND 1
-- @warn not_null: country
SELECT
  event_id,
  trim(user_id) AS user_id,
  trim(customer_id) AS customer_id,
  CAST(event_time AS TIMESTAMP) AS event_time,
  CAST(event_time AS DATE) AS event_date,
  CAST(lower(trim(event_type)) AS ENUM('evidence_upload', 'monitoring_run', 'report_view', 'user_invite', 'integration_connect', 'api_call', 'premium_feature_trial', 'miles_earned', 'miles_redeemed', 'share', 'like', 'reward_search')) AS event_type,
  CAST(CASE lower(trim(platform)) WHEN 'ios' THEN 'iOS' WHEN 'android' THEN 'Android' WHEN 'web' THEN 'Web' END AS ENUM('iOS', 'Android', 'Web')) AS platform,
  lower(trim(utm_source)) AS utm_source,
  upper(trim(country)) AS country,
  miles_amount,
  lower(trim(transaction_category)) AS transaction_category,
  feature_adoption_score,
  CAST(received_at AS TIMESTAMP) AS received_at,
  received_at > event_time + INTERVAL 1 DAY AS is_late_arrival
FROM events
WHERE user_id IS NOT NULL
  AND event_time IS NOT NULL
  AND CAST(event_time AS DATE) <= (SELECT as_of_date FROM run_params)
  AND lower(trim(event_type)) IN ('evidence_upload', 'monitoring_run', 'report_view', 'user_invite', 'integration_connect', 'api_call',
                                  'premium_feature_trial', 'miles_earned', 'miles_redeemed', 'share', 'like', 'reward_search')
QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY event_time) = 1
