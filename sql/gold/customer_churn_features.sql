-- Seed 001's customer-level churn feature table: one row per account that ever paid, with
-- its usage, billing behaviour, support behaviour, plan and region, and the churn label.
-- Every feature is measured from sign-up to the account's reference date (churn_date when
-- churned, the as-of date when active, as in customer_lifecycle), so nothing after a churn
-- leaks into its features. Usage counts every event and 30-minute session (summed from the
-- daily grid fct_user_days, which holds the same counts as fct_events per user and day);
-- billing counts subscription invoices (seed 001's plan bills) by payment_status; shares
-- with no invoice or no active day are NULL.
-- Filterable by account at query time (through customer_lifecycle).
-- @col customer_id: Account key.
-- @col plan: Tier of the current paid state (active) or of the last paid state (churned): Starter, Growth, Pro or Enterprise.
-- @col region: NA, EU, APAC or LATAM.
-- @col signup_date: Sign-up date.
-- @col reference_date: churn_date when churned, the as-of date when active.
-- @col tenure_days: Days from signup_date to reference_date.
-- @col active_days: Days with at least one event.
-- @col sessions: 30-minute sessions started (fct_events).
-- @col events: Events of any type.
-- @col feature_events: Product feature events (evidence_upload, monitoring_run, report_view, user_invite, integration_connect, api_call, premium_feature_trial).
-- @col avg_events_per_active_day: events / active_days; NULL without an active day.
-- @col active_days_last_30d: Active days in the 30 days ending on the reference date.
-- @col sessions_last_30d: Sessions started in the 30 days ending on the reference date.
-- @col days_since_last_activity: Days from the last active day to the reference date; NULL without events.
-- @col invoices: Subscription invoices issued up to the reference date.
-- @col paid_invoices: Of those, invoices with payment_status paid.
-- @col late_invoices: Of those, invoices with payment_status late.
-- @col failed_invoices: Of those, invoices with payment_status failed.
-- @col late_share: late_invoices / invoices; NULL without invoices.
-- @col failed_share: failed_invoices / invoices; NULL without invoices.
-- @col billed_amount: Net amount of those invoices (after discounts, before reversals), USD.
-- @col tickets: Support tickets filed up to the reference date.
-- @col billing_tickets: Tickets with topic billing.
-- @col technical_tickets: Tickets with topic technical.
-- @col onboarding_tickets: Tickets with topic onboarding.
-- @col high_priority_tickets: Tickets of high or critical priority.
-- @col avg_resolution_hours: Mean hours to resolution; NULL without tickets.
-- @col churned: Churn label: TRUE when the account is not paying at the as-of date.
-- @col churn_date: Date the account last stopped paying; NULL while active.
-- @test unique: customer_id
-- @test not_null: customer_id, plan, region, tenure_days, active_days, sessions, events, invoices, tickets, churned
-- @test accepted_values: plan = Starter, Growth, Pro, Enterprise
-- @test relationships: customer_id -> customer_lifecycle.customer_id
-- @test expression(invoice_counts_add_up): paid_invoices + late_invoices + failed_invoices = invoices
-- @test expression(shares_in_range): (late_share IS NULL) = (invoices = 0) AND coalesce(late_share + failed_share, 0) <= 1
-- @test expression(usage_nests): active_days_last_30d <= active_days AND active_days <= events AND sessions <= events AND feature_events <= events
-- @test expression(tickets_nest): billing_tickets + technical_tickets + onboarding_tickets <= tickets AND high_priority_tickets <= tickets
WITH base AS (
  SELECT customer_id, plan_id, region, signup_date, reference_date, duration_days, churned, churn_date
  FROM customer_lifecycle
),
days AS (
  SELECT
    customer_id,
    event_date,
    sum(events) AS events,
    sum(sessions) AS sessions,
    sum(feature_events) AS feature_events
  FROM fct_user_days AS e
  WHERE TRUE /*accounts:e.customer_id*/
  GROUP BY customer_id, event_date
),
usage AS (
  SELECT
    b.customer_id,
    count(*) AS active_days,
    sum(d.sessions) AS sessions,
    sum(d.events) AS events,
    sum(d.feature_events) AS feature_events,
    count(*) FILTER (WHERE d.event_date > b.reference_date - 30) AS active_days_last_30d,
    coalesce(sum(d.sessions) FILTER (WHERE d.event_date > b.reference_date - 30), 0) AS sessions_last_30d,
    max(d.event_date) AS last_active_date
  FROM base AS b
  JOIN days AS d ON d.customer_id = b.customer_id AND d.event_date <= b.reference_date
  GROUP BY b.customer_id
),
billing AS (
  SELECT
    b.customer_id,
    count(*) AS invoices,
    count(*) FILTER (WHERE i.payment_status = 'paid') AS paid_invoices,
    count(*) FILTER (WHERE i.payment_status = 'late') AS late_invoices,
    count(*) FILTER (WHERE i.payment_status = 'failed') AS failed_invoices,
    sum(i.net_amount) AS billed_amount
  FROM base AS b
  JOIN stg_invoices AS i ON i.customer_id = b.customer_id AND CAST(i.issued_at AS DATE) <= b.reference_date
  WHERE i.transaction_type = 'subscription'
  GROUP BY b.customer_id
),
support AS (
  SELECT
    b.customer_id,
    count(*) AS tickets,
    count(*) FILTER (WHERE t.topic = 'billing') AS billing_tickets,
    count(*) FILTER (WHERE t.topic = 'technical') AS technical_tickets,
    count(*) FILTER (WHERE t.topic = 'onboarding') AS onboarding_tickets,
    count(*) FILTER (WHERE t.is_high_priority) AS high_priority_tickets,
    avg(t.resolution_time) AS avg_resolution_hours
  FROM base AS b
  JOIN stg_support_tickets AS t ON t.customer_id = b.customer_id AND t.created_date <= b.reference_date
  GROUP BY b.customer_id
)
SELECT
  b.customer_id,
  p.tier AS plan,
  b.region,
  b.signup_date,
  b.reference_date,
  b.duration_days AS tenure_days,
  coalesce(u.active_days, 0) AS active_days,
  CAST(coalesce(u.sessions, 0) AS BIGINT) AS sessions,
  CAST(coalesce(u.events, 0) AS BIGINT) AS events,
  CAST(coalesce(u.feature_events, 0) AS BIGINT) AS feature_events,
  u.events / nullif(u.active_days, 0) AS avg_events_per_active_day,
  coalesce(u.active_days_last_30d, 0) AS active_days_last_30d,
  CAST(coalesce(u.sessions_last_30d, 0) AS BIGINT) AS sessions_last_30d,
  CAST(datediff('day', u.last_active_date, b.reference_date) AS INTEGER) AS days_since_last_activity,
  coalesce(bi.invoices, 0) AS invoices,
  coalesce(bi.paid_invoices, 0) AS paid_invoices,
  coalesce(bi.late_invoices, 0) AS late_invoices,
  coalesce(bi.failed_invoices, 0) AS failed_invoices,
  bi.late_invoices / nullif(bi.invoices, 0) AS late_share,
  bi.failed_invoices / nullif(bi.invoices, 0) AS failed_share,
  CAST(coalesce(bi.billed_amount, 0) AS DECIMAL(12, 2)) AS billed_amount,
  coalesce(s.tickets, 0) AS tickets,
  coalesce(s.billing_tickets, 0) AS billing_tickets,
  coalesce(s.technical_tickets, 0) AS technical_tickets,
  coalesce(s.onboarding_tickets, 0) AS onboarding_tickets,
  coalesce(s.high_priority_tickets, 0) AS high_priority_tickets,
  s.avg_resolution_hours,
  b.churned,
  b.churn_date
FROM base AS b
JOIN stg_plans AS p ON p.plan_id = b.plan_id
LEFT JOIN usage AS u ON u.customer_id = b.customer_id
LEFT JOIN billing AS bi ON bi.customer_id = b.customer_id
LEFT JOIN support AS s ON s.customer_id = b.customer_id
