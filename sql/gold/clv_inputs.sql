-- The inputs of a customer-lifetime-value model (seed 000's clv_inputs export), one row per
-- account that ever had a paid subscription: its plan, tenure, revenue, ARPA and churn flag.
-- Churned = not paying at the as-of date after having paid (as customer_lifecycle and the
-- survival marts define it); churn_date is the day its last paid state ended. Tenure is
-- counted two ways: tenure_days, the calendar days from the first paid day to the churn date
-- (or the as-of date while paying), gaps between a cancellation and a win-back included; and
-- tenure_months, the month-end snapshots (fct_subscription_months, the as-of date for a
-- partial as-of month) at which the account was paying. ARPA is MRR-based as in metrics.md:
-- the average month-end MRR over those paying months (NULL when it never paid at a month
-- end). Revenue is billed net revenue up to the as-of date: every invoice (subscriptions,
-- add-ons and gifts, whatever the payment status) net of discounts and reversals.
-- Filterable by account at query time.
-- @col customer_id: Account.
-- @col segment: SMB, Mid-Market or Enterprise.
-- @col acquisition_channel: organic, paid, social or referral.
-- @col acquisition_type: subscription, add_on or gift: what the first invoice bought.
-- @col plan: Tier of the current paid state when paying, else of the last paid state: Starter, Growth, Pro or Enterprise.
-- @col first_paid_date: Day the first paid state began.
-- @col first_paid_month: Month of first_paid_date.
-- @col is_churned: TRUE when the account is not paying at the as-of date.
-- @col churn_date: Day the last paid state ended, for a churned account; NULL while paying (right-censored).
-- @col tenure_days: Days from first_paid_date to churn_date, or to the as-of date while paying.
-- @col tenure_months: Month-end snapshots at which the account was paying.
-- @col current_mrr: MRR at the as-of date, USD.
-- @col arpa: Average month-end MRR over the paying months, USD (NULL when tenure_months is 0).
-- @col total_net_revenue: Net revenue billed up to the as-of date (all invoices, after discounts and reversals), USD.
-- @col subscription_net_revenue: The part of total_net_revenue billed for subscriptions, USD.
-- @col avg_monthly_net_revenue: total_net_revenue / tenure_months, USD (NULL when tenure_months is 0).
-- @test unique: customer_id
-- @test not_null: customer_id, plan, first_paid_date, is_churned, tenure_days, tenure_months, total_net_revenue
-- @test accepted_values: plan = Starter, Growth, Pro, Enterprise
-- @test expression(churn_date_iff_churned): (churn_date IS NULL) = (NOT is_churned) AND tenure_days >= 0
WITH params AS (SELECT as_of_date FROM run_params),
paid_states AS (
  SELECT customer_id,
    min(valid_from) AS first_paid_at,
    arg_max(tier, valid_from) AS last_paid_tier,
    max(valid_from) AS last_paid_from,
    arg_max(valid_to, valid_from) AS last_paid_to
  FROM fct_subscription_states AS s
  WHERE is_paid AND TRUE /*accounts:s.customer_id*/
  GROUP BY customer_id
),
current_state AS (
  SELECT customer_id, arg_max(is_paid, valid_from) AS is_paying_now
  FROM fct_subscription_states AS s
  WHERE TRUE /*accounts:s.customer_id*/
  GROUP BY customer_id
),
months AS (
  SELECT customer_id, count(*) FILTER (WHERE mrr > 0) AS paying_months, sum(mrr) FILTER (WHERE mrr > 0) AS paying_mrr,
    arg_max(mrr, month) AS current_mrr
  FROM fct_subscription_months AS m
  WHERE TRUE /*accounts:m.customer_id*/
  GROUP BY customer_id
),
revenue AS (
  SELECT customer_id, sum(net_after_reversals) AS total_net_revenue,
    coalesce(sum(net_after_reversals) FILTER (WHERE transaction_type = 'subscription'), 0) AS subscription_net_revenue
  FROM fct_invoices AS i
  WHERE TRUE /*accounts:i.customer_id*/
  GROUP BY customer_id
)
SELECT
  ps.customer_id,
  c.segment,
  c.acquisition_channel,
  c.acquisition_type,
  ps.last_paid_tier AS plan,
  CAST(ps.first_paid_at AS DATE) AS first_paid_date,
  CAST(date_trunc('month', ps.first_paid_at) AS DATE) AS first_paid_month,
  NOT cs.is_paying_now AS is_churned,
  CASE WHEN NOT cs.is_paying_now THEN CAST(ps.last_paid_to AS DATE) END AS churn_date,
  datediff('day', CAST(ps.first_paid_at AS DATE), CASE WHEN NOT cs.is_paying_now THEN CAST(ps.last_paid_to AS DATE) ELSE p.as_of_date END) AS tenure_days,
  coalesce(m.paying_months, 0) AS tenure_months,
  CAST(coalesce(m.current_mrr, 0) AS DECIMAL(12, 2)) AS current_mrr,
  CAST(m.paying_mrr AS DOUBLE) / nullif(m.paying_months, 0) AS arpa,
  CAST(coalesce(r.total_net_revenue, 0) AS DECIMAL(14, 2)) AS total_net_revenue,
  CAST(coalesce(r.subscription_net_revenue, 0) AS DECIMAL(14, 2)) AS subscription_net_revenue,
  CAST(r.total_net_revenue AS DOUBLE) / nullif(m.paying_months, 0) AS avg_monthly_net_revenue
FROM paid_states AS ps
JOIN current_state AS cs ON cs.customer_id = ps.customer_id
JOIN dim_customers AS c ON c.customer_id = ps.customer_id
LEFT JOIN months AS m ON m.customer_id = ps.customer_id
LEFT JOIN revenue AS r ON r.customer_id = ps.customer_id
CROSS JOIN params AS p
