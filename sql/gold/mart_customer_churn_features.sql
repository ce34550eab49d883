-- Seed 003's mart_customer_churn_features: one row per active account (paying at the as-of
-- date, seed 003's reference date) with the 15 churn-model features, measured up to the
-- as-of date. The same definitions as eda_customer_features, which also covers churned
-- accounts; usage events are seed 003's seven product event types.
-- Filterable by account at query time (through customer_lifecycle).
-- @col customer_id: Account key.
-- @col mrr: Monthly Recurring Revenue at the as-of date, USD.
-- @col tenure_days: Days from signup_date to the as-of date.
-- @col plan_tier: starter, growth, pro or enterprise (tier in force at the as-of date).
-- @col industry: fintech, healthtech, legaltech, proptech, saas or hr tech.
-- @col total_events: Lifetime usage event count.
-- @col events_last_30d: Usage events in the 30-day window ending on the as-of date.
-- @col events_last_7d: Usage events in the 7-day window ending on the as-of date.
-- @col avg_adoption_score: Mean feature_adoption_score across all usage events; NULL without events.
-- @col days_since_last_event: Days since the most recent usage event; NULL without events.
-- @col retention_signal_count: Count of high-value events: evidence_upload, monitoring_run, report_view.
-- @col integration_connects_first_30d: integration_connect events in the first 30 days (activation gate).
-- @col tickets_last_30d: Support tickets created in the 30-day window ending on the as-of date.
-- @col high_priority_tickets: Count of high or critical priority tickets.
-- @col avg_resolution_hours: Mean hours to ticket resolution; NULL without tickets.
-- @col is_early_stage: TRUE if tenure_days <= 90.
-- @test unique: customer_id
-- @test not_null: customer_id, mrr, tenure_days, plan_tier, industry, total_events, events_last_30d, events_last_7d, retention_signal_count, integration_connects_first_30d, tickets_last_30d, high_priority_tickets, is_early_stage
-- @test relationships: customer_id -> customer_lifecycle.customer_id
-- @test expression(paying): mrr > 0 AND tenure_days >= 0
-- @test expression(early_stage): is_early_stage = (tenure_days <= 90)
SELECT
  customer_id, mrr, duration_days AS tenure_days, plan_tier, industry,
  total_events, events_last_30d, events_last_7d, avg_adoption_score, days_since_last_event,
  retention_signal_count, integration_connects_first_30d, tickets_last_30d, high_priority_tickets,
  avg_resolution_hours, is_early_stage
FROM eda_customer_features
WHERE NOT churned
