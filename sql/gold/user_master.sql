-- Seed 000's user_master (primary key user_id): every user with its own attributes and its
-- account's, for dashboards to join churn_flags (on user_id) and the funnel (on cohort_month
-- or signup_month). cohort_month is the month of the user's first activity, as the retention
-- marts define a user cohort (NULL for a user who never acted); signup_month is the account's
-- sign-up month, which is what monthly_funnel counts. current_plan is the account's tier at
-- the as-of date (dim_customers.current_tier: Free after a cancellation or an expired trial,
-- the trial's tier during a trial). Users created after the as-of date are left out.
-- Filterable by user at query time.
-- @col user_id: User key.
-- @col customer_id: Account the user belongs to.
-- @col created_at: When the user was created.
-- @col platform: Platform the user signed up on: Web, iOS or Android.
-- @col country: ISO country code of the user (may be NULL).
-- @col first_active_date: Day of the user's first event (NULL if it never acted).
-- @col last_active_date: Day of the user's last event up to the as-of date.
-- @col cohort_month: Month of first_active_date: the user's retention cohort.
-- @col signup_month: Month the account signed up.
-- @col company_name: Company of the account.
-- @col industry: Industry vertical of the account.
-- @col region: NA, EU, APAC or LATAM.
-- @col segment: SMB, Mid-Market or Enterprise.
-- @col acquisition_channel: organic, paid, social or referral (the account's utm_source at sign-up).
-- @col acquisition_type: subscription, add_on, gift or none: what the account's first invoice bought.
-- @col plan_at_signup: Free, or the tier of the trial the account started.
-- @col current_plan: The account's tier at the as-of date: Free, Starter, Growth, Pro or Enterprise.
-- @col is_paying: TRUE when the account pays at the as-of date.
-- @col current_mrr: The account's MRR at the as-of date, USD.
-- @test unique: user_id
-- @test not_null: user_id, customer_id, created_at, signup_month, acquisition_channel, current_plan
-- @test relationships: customer_id -> stg_customers.customer_id
-- @test accepted_values: current_plan = Free, Starter, Growth, Pro, Enterprise
WITH params AS (SELECT as_of_date FROM run_params)
SELECT
  u.user_id,
  u.customer_id,
  u.created_at,
  u.platform,
  u.country,
  d.first_seen_date AS first_active_date,
  d.last_seen_date AS last_active_date,
  CAST(date_trunc('month', d.first_seen_date) AS DATE) AS cohort_month,
  c.signup_month,
  c.company_name,
  c.industry,
  c.region,
  c.segment,
  c.acquisition_channel,
  c.acquisition_type,
  c.plan_at_signup,
  c.current_tier AS current_plan,
  c.is_paying,
  c.current_mrr
FROM stg_users AS u
JOIN dim_customers AS c ON c.customer_id = u.customer_id
LEFT JOIN dim_users AS d ON d.user_id = u.user_id
CROSS JOIN params AS p
WHERE CAST(u.created_at AS DATE) <= p.as_of_date AND TRUE /*users:u.user_id*/
