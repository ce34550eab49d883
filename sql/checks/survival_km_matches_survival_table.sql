-- The Kaplan-Meier counts agree with the survival table: per tier, the accounts at risk at
-- the first time are all the tier's accounts, and the churns and censorings add up to its
-- churned and censored accounts.
-- @model survival_km
WITH km AS (
  SELECT plan_tier, max(n_at_risk) AS at_risk, sum(events) AS events, sum(censored) AS censored
  FROM survival_km GROUP BY plan_tier
),
st AS (
  SELECT plan_tier, count(*) AS customers, sum(event) AS events
  FROM survival_table GROUP BY plan_tier
)
SELECT coalesce(st.plan_tier, km.plan_tier) AS plan_tier, st.customers, km.at_risk, st.events, km.events AS km_events, km.censored AS km_censored
FROM st
FULL JOIN km ON km.plan_tier = st.plan_tier
WHERE km.plan_tier IS NULL OR st.plan_tier IS NULL
   OR km.at_risk <> st.customers OR km.events <> st.events OR km.censored <> st.customers - st.events
