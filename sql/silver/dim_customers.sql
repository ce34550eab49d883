-- One row per account with its attributes, how it was acquired and where it stands at the
-- as-of date: the dimension every view filters by (plan, region, channel, platform, industry).
-- @col customer_id: Account key.
-- @col company_name: Company name.
-- @col industry: Industry vertical.
-- @col region: NA, EU, APAC or LATAM.
-- @col country: ISO country code (may be NULL).
-- @col acquisition_channel: organic, paid, social or referral.
-- @col signup_platform: Web, iOS or Android.
-- @col signup_at: Sign-up instant.
-- @col signup_month: Month of sign-up.
-- @col plan_at_signup: Free, or the tier of the trial the account started.
-- @col segment: SMB, Mid-Market or Enterprise.
-- @col acquisition_type: subscription, add_on, gift or none (dim_customer_acquisition).
-- @col first_paid_month: First month ending with MRR > 0 (NULL if it never paid).
-- @col current_tier: Tier in force at the as-of date (Free after a cancellation).
-- @col current_mrr: MRR at the as-of date.
-- @col is_paying: TRUE when current_mrr > 0.
-- @col last_cancelled_at: Most recent cancellation, if any.
-- @col upgrade_date: Date of the first move to a higher tier, if any.
-- @col users: Users of the account.
-- @test unique: customer_id
-- @test not_null: customer_id, signup_at, acquisition_channel, region, segment, plan_at_signup
-- @test relationships: customer_id -> stg_customers.customer_id
WITH latest AS (
  SELECT customer_id, arg_max(tier, month) AS current_tier, arg_max(mrr, month) AS current_mrr,
    min(month) FILTER (WHERE mrr > 0) AS first_paid_month
  FROM fct_subscription_months GROUP BY customer_id
),
changes AS (
  SELECT s.customer_id,
    max(s.occurred_at) FILTER (WHERE s.change_type = 'cancelled') AS last_cancelled_at,
    CAST(min(s.occurred_at) FILTER (WHERE s.change_type = 'upgraded' AND pt.tier_rank > pf.tier_rank AND pf.tier_rank > 0) AS DATE) AS upgrade_date
  FROM stg_subscription_events AS s
  JOIN stg_plans AS pf ON pf.plan_id = s.plan_from
  JOIN stg_plans AS pt ON pt.plan_id = s.plan_to
  GROUP BY s.customer_id
),
people AS (SELECT customer_id, count(*) AS users FROM stg_users GROUP BY customer_id)
SELECT
  c.customer_id, c.company_name, c.industry, c.region, c.country, c.acquisition_channel, c.signup_platform, c.signup_at,
  CAST(date_trunc('month', c.signup_at) AS DATE) AS signup_month,
  c.plan_at_signup, c.segment,
  a.acquisition_type,
  l.first_paid_month,
  coalesce(l.current_tier, c.plan_at_signup) AS current_tier,
  CAST(coalesce(l.current_mrr, 0) AS DECIMAL(12, 2)) AS current_mrr,
  coalesce(l.current_mrr, 0) > 0 AS is_paying,
  ch.last_cancelled_at,
  ch.upgrade_date,
  coalesce(p.users, 0) AS users
FROM stg_customers AS c
LEFT JOIN dim_customer_acquisition AS a ON a.customer_id = c.customer_id
LEFT JOIN latest AS l ON l.customer_id = c.customer_id
LEFT JOIN changes AS ch ON ch.customer_id = c.customer_id
LEFT JOIN people AS p ON p.customer_id = c.customer_id
