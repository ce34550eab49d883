-- Customers as exported by the CRM, typed and normalised: trimmed text, canonical case for
-- categorical values, one row per customer_id (the earliest sign-up wins when the export
-- repeats an account).
-- @col customer_id: Account key (C + six digits).
-- @col company_name: Company name of the account.
-- @col industry: Industry vertical (FinTech, HealthTech, LegalTech, PropTech, SaaS, HR Tech).
-- @col region: Sales region: NA, EU, APAC or LATAM.
-- @col country: ISO 3166 country code of the account.
-- @col acquisition_channel: utm_source of the sign-up: organic, paid, social or referral.
-- @col signup_platform: Platform of the sign-up: Web, iOS or Android.
-- @col signup_at: Sign-up instant, UTC.
-- @col signup_date: Sign-up date, UTC.
-- @col plan_at_signup: Free, or the tier whose 14-day trial the account started.
-- @col segment: SMB, Mid-Market or Enterprise.
-- @test unique: customer_id
-- @test not_null: customer_id, signup_at, acquisition_channel, plan_at_signup, segment
-- @test accepted_values: region = NA, EU, APAC, LATAM
-- @test accepted_values: acquisition_channel = organic, paid, social, referral
-- @test accepted_values: signup_platform = iOS, Android, Web
-- @test accepted_values: industry = FinTech, HealthTech, LegalTech, PropTech, SaaS, HR Tech
-- @test accepted_values: plan_at_signup = Free, Starter, Growth, Pro, Enterprise
-- @test accepted_values: segment = SMB, Mid-Market, Enterprise
-- @warn not_null: country
SELECT
  trim(customer_id) AS customer_id,
  trim(company_name) AS company_name,
  CASE lower(trim(industry))
    WHEN 'fintech' THEN 'FinTech' WHEN 'healthtech' THEN 'HealthTech' WHEN 'legaltech' THEN 'LegalTech'
    WHEN 'proptech' THEN 'PropTech' WHEN 'saas' THEN 'SaaS' WHEN 'hr tech' THEN 'HR Tech' ELSE trim(industry)
  END AS industry,
  upper(trim(region)) AS region,
  upper(trim(country)) AS country,
  lower(trim(acquisition_channel)) AS acquisition_channel,
  CASE lower(trim(signup_platform)) WHEN 'ios' THEN 'iOS' WHEN 'android' THEN 'Android' WHEN 'web' THEN 'Web' END AS signup_platform,
  CAST(signup_at AS TIMESTAMP) AS signup_at,
  CAST(signup_at AS DATE) AS signup_date,
  trim(plan_at_signup) AS plan_at_signup,
  trim(segment) AS segment
FROM customers
WHERE customer_id IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY trim(customer_id) ORDER BY signup_at) = 1
