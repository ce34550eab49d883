-- Seed 003's mart_customer_expansion_features: one row per active account that has never
-- upgraded to a higher tier (the expansion model's inference population), with the 15 churn
-- features of mart_customer_churn_features and the expansion signals, all measured at the
-- as-of date. An expansion deal counts as open when it was created by the as-of date and was
-- still open then (open today, or closed after the as-of date): the leakage guard keeps deals
-- opened later, and outcomes decided later, out.
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
-- @col premium_feature_trials_30d: Count of premium_feature_trial events in the 30 days ending on the as-of date: the strongest expansion signal.
-- @col feature_request_tickets_90d: Support tickets with topic feature_request filed in the 90 days ending on the as-of date.
-- @col has_open_expansion_opp: TRUE if an expansion opportunity was open at the as-of date (created by then, and not closed by then).
-- @col expansion_opp_amount: USD value of the open expansion opportunities (their sum; 0 if none).
-- @col mrr_tier_ceiling_pct: (mrr - tier_floor) / (tier_ceiling - tier_floor) of the current plan (stg_plans mrr_floor and mrr_ceiling), clamped to [0, 1]; NULL when the tier's floor equals its ceiling.
-- @test unique: customer_id
-- @test not_null: customer_id, mrr, premium_feature_trials_30d, feature_request_tickets_90d, has_open_expansion_opp, expansion_opp_amount
-- @test relationships: customer_id -> mart_customer_churn_features.customer_id
-- @test expression(ceiling_pct_in_range): mrr_tier_ceiling_pct IS NULL OR mrr_tier_ceiling_pct BETWEEN 0 AND 1
-- @test expression(opp_amount_only_when_open): expansion_opp_amount >= 0 AND (has_open_expansion_opp OR expansion_opp_amount = 0)
WITH params AS (SELECT as_of_date FROM run_params),
candidates AS (
  SELECT f.*, l.plan_id
  FROM mart_customer_churn_features AS f
  JOIN customer_lifecycle AS l ON l.customer_id = f.customer_id
  WHERE NOT l.is_upgraded
),
trials AS (
  SELECT e.customer_id, count(*) AS premium_feature_trials_30d
  FROM stg_events AS e
  CROSS JOIN params AS p
  WHERE e.event_type = 'premium_feature_trial' AND e.event_date > p.as_of_date - 30 AND e.event_date <= p.as_of_date
  GROUP BY e.customer_id
),
requests AS (
  SELECT t.customer_id, count(*) AS feature_request_tickets_90d
  FROM stg_support_tickets AS t
  CROSS JOIN params AS p
  WHERE t.topic = 'feature_request' AND t.created_date > p.as_of_date - 90 AND t.created_date <= p.as_of_date
  GROUP BY t.customer_id
),
opps AS (
  SELECT o.customer_id, sum(o.amount) AS expansion_opp_amount
  FROM stg_opportunities AS o
  CROSS JOIN params AS p
  WHERE o.opportunity_type = 'expansion' AND o.created_date <= p.as_of_date AND (o.is_open OR o.close_date > p.as_of_date)
  GROUP BY o.customer_id
)
SELECT
  c.customer_id, c.mrr, c.tenure_days, c.plan_tier, c.industry, c.total_events, c.events_last_30d, c.events_last_7d,
  c.avg_adoption_score, c.days_since_last_event, c.retention_signal_count, c.integration_connects_first_30d,
  c.tickets_last_30d, c.high_priority_tickets, c.avg_resolution_hours, c.is_early_stage,
  coalesce(t.premium_feature_trials_30d, 0) AS premium_feature_trials_30d,
  coalesce(r.feature_request_tickets_90d, 0) AS feature_request_tickets_90d,
  o.customer_id IS NOT NULL AS has_open_expansion_opp,
  CAST(coalesce(o.expansion_opp_amount, 0) AS DECIMAL(12, 2)) AS expansion_opp_amount,
  -- greatest/least skip NULLs in DuckDB, so the clamp is spelled out to keep a zero-width tier NULL.
  CASE
    WHEN pl.mrr_ceiling = pl.mrr_floor THEN NULL
    WHEN c.mrr <= pl.mrr_floor THEN 0.0
    WHEN c.mrr >= pl.mrr_ceiling THEN 1.0
    ELSE CAST(c.mrr - pl.mrr_floor AS DOUBLE) / CAST(pl.mrr_ceiling - pl.mrr_floor AS DOUBLE)
  END AS mrr_tier_ceiling_pct
FROM candidates AS c
JOIN stg_plans AS pl ON pl.plan_id = c.plan_id
LEFT JOIN trials AS t ON t.customer_id = c.customer_id
LEFT JOIN requests AS r ON r.customer_id = c.customer_id
LEFT JOIN opps AS o ON o.customer_id = c.customer_id
