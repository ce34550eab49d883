-- Seed 003's "Derived Features - EDA Analysis" for every account that ever paid, churned and
-- active: the survival columns and the churn features, each measured up to the account's
-- reference date (churn_date when churned, the as-of date when active), so that a churned
-- account's features stop where its paying life did. Usage events are seed 003's product
-- events (evidence_upload, monitoring_run, report_view, user_invite, integration_connect,
-- api_call, premium_feature_trial); the rewards and social events of seed 002 are left out.
-- Windows are in whole days and end on the reference date: "last 30 days" are the 30 days
-- reference_date - 29 to reference_date. Tickets count those filed up to the reference date.
-- mart_customer_churn_features is the active part of this table.
-- Filterable by account at query time (through customer_lifecycle).
-- @col customer_id: Account key.
-- @col plan_tier: starter, growth, pro or enterprise (current paid tier, or the last one before churn).
-- @col industry: Industry vertical, lower case.
-- @col signup_date: Sign-up date.
-- @col churn_date: Date the account last stopped paying; NULL while active.
-- @col reference_date: churn_date when churned, the as-of date when active.
-- @col churned: Churn label: TRUE when not paying at the as-of date.
-- @col duration_days: Survival time: DATEDIFF('day', signup_date, churn_date) for churned; DATEDIFF('day', signup_date, as-of date) for active (right-censored).
-- @col event: Survival event indicator: 1 = customer churned, 0 = right-censored (still active at the reference date).
-- @col mrr: MRR at the last month-end at which the account paid (the as-of MRR when active), USD.
-- @col total_events: Usage events from sign-up to the reference date.
-- @col events_last_30d: Usage events in the 30-day window ending on the reference date (churn_date for churned, as-of date for active): the decay signal.
-- @col events_last_7d: Usage events in the 7-day window ending on the reference date.
-- @col avg_adoption_score: Mean feature_adoption_score over the usage events up to the reference date; NULL without events.
-- @col days_since_last_event: Days from the last usage event to the reference date; NULL without events.
-- @col retention_signal_count: Count of evidence_upload, monitoring_run and report_view events up to the reference date: deep product adoption.
-- @col integration_connects_first_30d: integration_connect events in the first 30 days of tenure (event_time <= signup_date + 30 days, and not after the reference date): the activation gate.
-- @col integration_bucket: "0", "1–2", "3–5" or "6+" by integration_connects_first_30d.
-- @col tickets_last_30d: Support tickets filed in the 30-day window ending on the reference date.
-- @col high_priority_tickets: Tickets of high or critical priority filed up to the reference date.
-- @col avg_resolution_hours: Mean hours to resolution of the tickets filed up to the reference date; NULL without tickets.
-- @col is_early_stage: TRUE when duration_days <= 90.
-- @test unique: customer_id
-- @test not_null: customer_id, plan_tier, churned, duration_days, event, total_events, events_last_30d, retention_signal_count, integration_connects_first_30d, integration_bucket, high_priority_tickets
-- @test accepted_values: integration_bucket = 0, 1–2, 3–5, 6+
-- @test relationships: customer_id -> customer_lifecycle.customer_id
-- @test expression(windows_nest): events_last_7d <= events_last_30d AND events_last_30d <= total_events AND retention_signal_count <= total_events AND integration_connects_first_30d <= total_events
-- @test expression(adoption_in_range): avg_adoption_score IS NULL OR avg_adoption_score BETWEEN 0 AND 1
-- @test expression(bucket_matches_count): integration_bucket = CASE WHEN integration_connects_first_30d = 0 THEN '0' WHEN integration_connects_first_30d <= 2 THEN '1–2' WHEN integration_connects_first_30d <= 5 THEN '3–5' ELSE '6+' END
WITH base AS (
  SELECT customer_id, plan_tier, industry, signup_date, churn_date, reference_date, churned, duration_days, event, mrr
  FROM customer_lifecycle
),
usage AS (
  SELECT
    b.customer_id,
    count(*) AS total_events,
    count(*) FILTER (WHERE e.event_date > b.reference_date - 30) AS events_last_30d,
    count(*) FILTER (WHERE e.event_date > b.reference_date - 7) AS events_last_7d,
    avg(e.feature_adoption_score) AS avg_adoption_score,
    max(e.event_date) AS last_event_date,
    count(*) FILTER (WHERE e.event_type IN ('evidence_upload', 'monitoring_run', 'report_view')) AS retention_signal_count,
    count(*) FILTER (WHERE e.event_type = 'integration_connect' AND e.event_time <= b.signup_date + INTERVAL 30 DAY) AS integration_connects_first_30d
  FROM base AS b
  JOIN stg_events AS e ON e.customer_id = b.customer_id AND e.event_date <= b.reference_date
  WHERE e.event_type IN ('evidence_upload', 'monitoring_run', 'report_view', 'user_invite', 'integration_connect', 'api_call', 'premium_feature_trial')
  GROUP BY b.customer_id
),
support AS (
  SELECT
    b.customer_id,
    count(*) FILTER (WHERE t.created_date > b.reference_date - 30) AS tickets_last_30d,
    count(*) FILTER (WHERE t.is_high_priority) AS high_priority_tickets,
    avg(t.resolution_time) AS avg_resolution_hours
  FROM base AS b
  JOIN stg_support_tickets AS t ON t.customer_id = b.customer_id AND t.created_date <= b.reference_date
  GROUP BY b.customer_id
),
features AS (
  SELECT
    b.*,
    coalesce(u.total_events, 0) AS total_events,
    coalesce(u.events_last_30d, 0) AS events_last_30d,
    coalesce(u.events_last_7d, 0) AS events_last_7d,
    u.avg_adoption_score,
    CAST(datediff('day', u.last_event_date, b.reference_date) AS INTEGER) AS days_since_last_event,
    coalesce(u.retention_signal_count, 0) AS retention_signal_count,
    coalesce(u.integration_connects_first_30d, 0) AS integration_connects_first_30d,
    coalesce(s.tickets_last_30d, 0) AS tickets_last_30d,
    coalesce(s.high_priority_tickets, 0) AS high_priority_tickets,
    s.avg_resolution_hours
  FROM base AS b
  LEFT JOIN usage AS u ON u.customer_id = b.customer_id
  LEFT JOIN support AS s ON s.customer_id = b.customer_id
)
SELECT
  customer_id, plan_tier, industry, signup_date, churn_date, reference_date, churned, duration_days, event, mrr,
  total_events, events_last_30d, events_last_7d, avg_adoption_score, days_since_last_event,
  retention_signal_count, integration_connects_first_30d,
  CASE
    WHEN integration_connects_first_30d = 0 THEN '0'
    WHEN integration_connects_first_30d <= 2 THEN '1–2'
    WHEN integration_connects_first_30d <= 5 THEN '3–5'
    ELSE '6+'
  END AS integration_bucket,
  tickets_last_30d, high_priority_tickets, avg_resolution_hours,
  duration_days <= 90 AS is_early_stage
FROM features
