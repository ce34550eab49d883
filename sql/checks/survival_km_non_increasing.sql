-- A Kaplan-Meier curve never rises: S(t) of each tier is non-increasing in t, and it only
-- falls on a day with churns.
-- @model survival_km
SELECT plan_tier, t, survival, previous_survival, events
FROM (
  SELECT plan_tier, t, survival, events, lag(survival) OVER (PARTITION BY plan_tier ORDER BY t) AS previous_survival
  FROM survival_km
)
WHERE survival > previous_survival OR (events = 0 AND survival <> coalesce(previous_survival, 1.0))
