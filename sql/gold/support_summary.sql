-- Seed 000's support_summary: per calendar month, support tickets by priority and topic with
-- their average resolution time, and the NPS answers of the month: average score and the NPS
-- score = % promoters (9-10) - % detractors (0-6), from -100 to 100. Tickets count in the
-- month they were filed; answers in the month they were given. Every month from the
-- window's first (or the first ticket's or answer's, if earlier) to the as-of month has a row;
-- averages and the NPS score of a month without tickets or answers are NULL. There is no
-- account key (seed 000: blend with other marts on month).
-- Filterable by account (the accounts filing the tickets and giving the answers) and by month
-- at query time.
-- @col month: First day of the month.
-- @col is_partial_month: TRUE for the as-of month when it is not over.
-- @col tickets: Tickets filed in the month.
-- @col low_tickets: Of which low priority.
-- @col medium_tickets: Of which medium priority.
-- @col high_tickets: Of which high priority.
-- @col critical_tickets: Of which critical.
-- @col billing_tickets: Tickets about billing.
-- @col technical_tickets: Tickets about technical issues.
-- @col onboarding_tickets: Tickets about onboarding.
-- @col compliance_tickets: Tickets about compliance.
-- @col integration_tickets: Tickets about integrations.
-- @col feature_request_tickets: Feature requests.
-- @col avg_resolution_hours: Average hours to resolution of the month's tickets.
-- @col high_priority_avg_resolution_hours: Same over the high and critical tickets.
-- @col nps_responses: NPS answers given in the month.
-- @col promoters: Answers scoring 9 or 10.
-- @col passives: Answers scoring 7 or 8.
-- @col detractors: Answers scoring 0 to 6.
-- @col avg_nps_score: Average score, 0 to 10.
-- @col nps: 100 x (promoters - detractors) / nps_responses.
-- @test unique: month
-- @test not_null: month, tickets, nps_responses
-- @test expression(priorities_add_up): low_tickets + medium_tickets + high_tickets + critical_tickets = tickets
-- @test expression(topics_add_up): billing_tickets + technical_tickets + onboarding_tickets + compliance_tickets + integration_tickets + feature_request_tickets = tickets
-- @test expression(nps_in_range): promoters + passives + detractors = nps_responses AND coalesce(nps, 0) BETWEEN -100 AND 100
WITH params AS (SELECT as_of_date, CAST(date_trunc('month', window_start) AS DATE) AS window_month FROM run_params),
ticket_months AS (
  SELECT CAST(date_trunc('month', created_date) AS DATE) AS month,
    count(*) AS tickets,
    count(*) FILTER (WHERE priority = 'low') AS low_tickets,
    count(*) FILTER (WHERE priority = 'medium') AS medium_tickets,
    count(*) FILTER (WHERE priority = 'high') AS high_tickets,
    count(*) FILTER (WHERE priority = 'critical') AS critical_tickets,
    count(*) FILTER (WHERE topic = 'billing') AS billing_tickets,
    count(*) FILTER (WHERE topic = 'technical') AS technical_tickets,
    count(*) FILTER (WHERE topic = 'onboarding') AS onboarding_tickets,
    count(*) FILTER (WHERE topic = 'compliance') AS compliance_tickets,
    count(*) FILTER (WHERE topic = 'integration') AS integration_tickets,
    count(*) FILTER (WHERE topic = 'feature_request') AS feature_request_tickets,
    avg(resolution_time) AS avg_resolution_hours,
    avg(resolution_time) FILTER (WHERE is_high_priority) AS high_priority_avg_resolution_hours
  FROM stg_support_tickets AS t
  WHERE TRUE /*accounts:t.customer_id*/
  GROUP BY 1
),
nps_months AS (
  SELECT CAST(date_trunc('month', responded_at) AS DATE) AS month,
    count(*) AS nps_responses,
    count(*) FILTER (WHERE nps_category = 'promoter') AS promoters,
    count(*) FILTER (WHERE nps_category = 'passive') AS passives,
    count(*) FILTER (WHERE nps_category = 'detractor') AS detractors,
    avg(score) AS avg_nps_score
  FROM stg_nps_responses AS n
  WHERE TRUE /*accounts:n.customer_id*/
  GROUP BY 1
),
months AS (
  SELECT CAST(m.month AS DATE) AS month
  FROM params AS p
  CROSS JOIN (SELECT least((SELECT min(month) FROM ticket_months), (SELECT min(month) FROM nps_months)) AS first_month) AS f
  CROSS JOIN LATERAL unnest(generate_series(CAST(least(p.window_month, coalesce(f.first_month, p.window_month)) AS TIMESTAMP),
    CAST(date_trunc('month', p.as_of_date) AS TIMESTAMP), INTERVAL 1 MONTH)) AS m(month)
)
SELECT
  m.month,
  last_day(m.month) > p.as_of_date AS is_partial_month,
  coalesce(t.tickets, 0) AS tickets,
  coalesce(t.low_tickets, 0) AS low_tickets,
  coalesce(t.medium_tickets, 0) AS medium_tickets,
  coalesce(t.high_tickets, 0) AS high_tickets,
  coalesce(t.critical_tickets, 0) AS critical_tickets,
  coalesce(t.billing_tickets, 0) AS billing_tickets,
  coalesce(t.technical_tickets, 0) AS technical_tickets,
  coalesce(t.onboarding_tickets, 0) AS onboarding_tickets,
  coalesce(t.compliance_tickets, 0) AS compliance_tickets,
  coalesce(t.integration_tickets, 0) AS integration_tickets,
  coalesce(t.feature_request_tickets, 0) AS feature_request_tickets,
  t.avg_resolution_hours,
  t.high_priority_avg_resolution_hours,
  coalesce(n.nps_responses, 0) AS nps_responses,
  coalesce(n.promoters, 0) AS promoters,
  coalesce(n.passives, 0) AS passives,
  coalesce(n.detractors, 0) AS detractors,
  n.avg_nps_score,
  100.0 * (n.promoters - n.detractors) / nullif(n.nps_responses, 0) AS nps
FROM months AS m
CROSS JOIN params AS p
LEFT JOIN ticket_months AS t ON t.month = m.month
LEFT JOIN nps_months AS n ON n.month = m.month
WHERE TRUE /*period:m.month as month*/
ORDER BY m.month
