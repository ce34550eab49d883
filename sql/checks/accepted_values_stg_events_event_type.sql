-- event_type is one of the product and rewards event types of domain.md.
-- @model stg_events
SELECT event_type, count(*) AS events FROM stg_events
WHERE event_type NOT IN (
  'evidence_upload', 'monitoring_run', 'report_view', 'user_invite', 'integration_connect', 'api_call',
  'premium_feature_trial', 'miles_earned', 'miles_redeemed', 'share', 'like', 'reward_search'
)
GROUP BY event_type
