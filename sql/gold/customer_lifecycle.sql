-- One row per account that ever paid: seed 003's customers table (signup_date, plan_tier,
-- mrr, churn_date, upgrade_date) with the churn label and the reference date that every
-- churn, expansion and survival mart shares. Active = paying at the as-of date (the as-of
-- month of fct_subscription_months); churned = not active. churn_date is the day the
-- account last stopped paying: the change (a cancellation) that ended its last paid state;
-- an account that cancelled and came back is active again and right-censored. Features are
-- measured up to the reference date: churn_date for churned accounts, the as-of date (seed
-- 003's reference date) for active ones. Filterable by account at query time (and so is every
-- churn, expansion and survival mart built on it).
-- @col customer_id: Account key.
-- @col industry: Industry vertical in lower case as seed 003's marts write it: fintech, healthtech, legaltech, proptech, saas or hr tech.
-- @col region: NA, EU, APAC or LATAM.
-- @col signup_date: Sign-up date (stg_customers.signup_date).
-- @col first_paid_date: Date the account's first paid state began.
-- @col plan_tier: Tier of the current paid state (active) or of the last paid state (churned), lower case: starter, growth, pro or enterprise.
-- @col plan_id: Plan of that state.
-- @col mrr: MRR at the last month-end snapshot at which the account was paying (for an active account, its MRR at the as-of date), USD.
-- @col is_active: TRUE when the account is paying at the as-of date.
-- @col churned: TRUE when the account is not paying at the as-of date (NOT is_active).
-- @col churn_date: Date the account last stopped paying (its last paid state ended); NULL while active (right-censored).
-- @col upgrade_date: Date of the first move from a paid tier to a higher tier (an upgraded change with a higher tier_rank); NULL = never upgraded.
-- @col is_upgraded: TRUE when upgrade_date is set.
-- @col reference_date: churn_date for churned accounts, the as-of date for active ones.
-- @col duration_days: Survival time, datediff('day', signup_date, reference_date).
-- @col event: Survival event indicator: 1 = churned, 0 = right-censored (active at the as-of date).
-- @test unique: customer_id
-- @test not_null: customer_id, signup_date, first_paid_date, plan_tier, is_active, reference_date, duration_days, event
-- @test accepted_values: plan_tier = starter, growth, pro, enterprise
-- @test relationships: customer_id -> stg_customers.customer_id
-- @test expression(churn_date_iff_churned): (churn_date IS NULL) = is_active AND churned = NOT is_active AND event = CAST(churned AS INTEGER)
-- @test expression(dates_in_order): signup_date <= first_paid_date AND first_paid_date <= reference_date AND duration_days >= 0
-- @test expression(upgrade_before_reference): upgrade_date IS NULL OR upgrade_date <= reference_date
WITH params AS (SELECT as_of_date FROM run_params),
last_paid AS (
  SELECT customer_id, plan_id, tier, valid_to,
    min(valid_from) OVER (PARTITION BY customer_id) AS first_paid_at
  FROM fct_subscription_states AS s
  WHERE is_paid AND TRUE /*accounts:s.customer_id*/
  QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY valid_from DESC) = 1
),
paid_months AS (
  SELECT customer_id, arg_max(mrr, month) AS mrr
  FROM fct_subscription_months AS m
  WHERE is_paying AND TRUE /*accounts:m.customer_id*/
  GROUP BY customer_id
),
labelled AS (
  SELECT
    c.customer_id,
    lower(c.industry) AS industry,
    c.region,
    CAST(c.signup_at AS DATE) AS signup_date,
    CAST(l.first_paid_at AS DATE) AS first_paid_date,
    lower(l.tier) AS plan_tier,
    l.plan_id,
    m.mrr,
    c.is_paying AS is_active,
    NOT c.is_paying AS churned,
    CASE WHEN NOT c.is_paying THEN CAST(l.valid_to AS DATE) END AS churn_date,
    c.upgrade_date
  FROM last_paid AS l
  JOIN dim_customers AS c ON c.customer_id = l.customer_id
  LEFT JOIN paid_months AS m ON m.customer_id = l.customer_id
)
SELECT
  b.customer_id, b.industry, b.region, b.signup_date, b.first_paid_date, b.plan_tier, b.plan_id, b.mrr,
  b.is_active, b.churned, b.churn_date, b.upgrade_date,
  b.upgrade_date IS NOT NULL AS is_upgraded,
  coalesce(b.churn_date, p.as_of_date) AS reference_date,
  CAST(datediff('day', b.signup_date, coalesce(b.churn_date, p.as_of_date)) AS INTEGER) AS duration_days,
  CAST(b.churned AS INTEGER) AS event
FROM labelled AS b
CROSS JOIN params AS p
