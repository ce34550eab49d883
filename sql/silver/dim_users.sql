-- One row per user who was ever active (seed 002 dim_users): first and last activity,
-- acquisition attributes from the first event, and lifetime miles with the balance check.
-- @col user_id: User key.
-- @col customer_id: Account the user belongs to.
-- @col first_seen_at: Earliest event_time of the user.
-- @col first_seen_date: Date of first_seen_at.
-- @col last_seen_at: Latest event_time of the user.
-- @col last_seen_date: Date of last_seen_at.
-- @col days_active: Days between the first and the last activity.
-- @col first_platform: Platform of the first event.
-- @col first_utm_source: utm_source of the first event.
-- @col first_country: Country of the first event.
-- @col total_miles_earned: Sum of miles_amount over miles_earned events.
-- @col total_miles_redeemed: Sum of miles_amount over miles_redeemed events.
-- @col current_miles_balance: total_miles_earned - total_miles_redeemed.
-- @col has_negative_balance: TRUE when current_miles_balance < 0.
-- @col miles_earned_transactions: Number of miles_earned events.
-- @col miles_redeemed_transactions: Number of miles_redeemed events.
-- @col share_events: Number of share events.
-- @col like_events: Number of like events.
-- @col reward_search_events: Number of reward_search events.
-- @test relationships: customer_id -> stg_customers.customer_id
-- @test expression: first_seen_at <= last_seen_at
-- @warn expression(no_negative_miles_balance): NOT has_negative_balance
WITH per_user AS (
  SELECT
    user_id,
    min(event_time) AS first_seen_at,
    max(event_time) AS last_seen_at,
    arg_min(platform, event_time) AS first_platform,
    arg_min(utm_source, event_time) AS first_utm_source,
    arg_min(country, event_time) AS first_country,
    CAST(coalesce(sum(miles_amount) FILTER (WHERE event_type = 'miles_earned'), 0) AS BIGINT) AS total_miles_earned,
    CAST(coalesce(sum(miles_amount) FILTER (WHERE event_type = 'miles_redeemed'), 0) AS BIGINT) AS total_miles_redeemed,
    count(*) FILTER (WHERE event_type = 'miles_earned') AS miles_earned_transactions,
    count(*) FILTER (WHERE event_type = 'miles_redeemed') AS miles_redeemed_transactions,
    count(*) FILTER (WHERE event_type = 'share') AS share_events,
    count(*) FILTER (WHERE event_type = 'like') AS like_events,
    count(*) FILTER (WHERE event_type = 'reward_search') AS reward_search_events
  FROM stg_events
  GROUP BY user_id
)
SELECT
  p.user_id,
  u.customer_id,
  p.first_seen_at,
  CAST(p.first_seen_at AS DATE) AS first_seen_date,
  p.last_seen_at,
  CAST(p.last_seen_at AS DATE) AS last_seen_date,
  datediff('day', CAST(p.first_seen_at AS DATE), CAST(p.last_seen_at AS DATE)) AS days_active,
  p.first_platform,
  p.first_utm_source,
  p.first_country,
  p.total_miles_earned,
  p.total_miles_redeemed,
  p.total_miles_earned - p.total_miles_redeemed AS current_miles_balance,
  p.total_miles_earned - p.total_miles_redeemed < 0 AS has_negative_balance,
  p.miles_earned_transactions,
  p.miles_redeemed_transactions,
  p.share_events,
  p.like_events,
  p.reward_search_events
FROM per_user AS p
LEFT JOIN stg_users AS u ON u.user_id = p.user_id
