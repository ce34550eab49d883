-- Seed 000's monthly funnel: per calendar month, sign-ups, trials started, first-time paid
-- conversions, and the conversion shares. Trial-to-paid follows the strict 14-day trial: a
-- trial started in the month counts as converted when its trial_converted change falls on a
-- date at most 14 days after the trial's start date (each conversion belongs to the latest
-- trial started before it); it is read by trial cohort, so a month's rate can still rise
-- while some of its trials are open at the as-of date (trials_open). paid_conversions counts
-- accounts whose first paid subscription ever began in the month (a trial conversion or an
-- upgrade from Free; win-back reactivations are not conversions). signup_to_paid_rate is by
-- sign-up cohort: of the month's sign-ups, the share that paid by the as-of date. Every month
-- from the window's first (or the first sign-up's, if earlier) to the as-of month has a row;
-- a rate with a zero denominator is NULL.
-- Filterable by account and by month at query time.
-- @col month: First day of the month.
-- @col is_partial_month: TRUE for the as-of month when it is not over.
-- @col signups: Accounts that signed up in the month.
-- @col trials: Trials started in the month.
-- @col trial_conversions: Trials started in the month that converted to paid within 14 days.
-- @col trials_open: Trials started in the month still inside their 14 days at the as-of date, not converted yet.
-- @col trial_to_paid_rate: trial_conversions / trials.
-- @col signup_to_trial_rate: trials / signups.
-- @col paid_conversions: Accounts whose first paid subscription began in the month.
-- @col signups_paid: Accounts signed up in the month that paid at some point by the as-of date.
-- @col signup_to_paid_rate: signups_paid / signups.
-- @test unique: month
-- @test not_null: month, signups, trials, trial_conversions, paid_conversions
-- @test expression(conversions_within_trials): trial_conversions + trials_open <= trials AND signups_paid <= signups
-- @test expression(rates_in_range): coalesce(trial_to_paid_rate, 0) BETWEEN 0 AND 1 AND coalesce(signup_to_paid_rate, 0) BETWEEN 0 AND 1
WITH params AS (SELECT as_of_date, CAST(date_trunc('month', window_start) AS DATE) AS window_month FROM run_params),
signups AS (
  SELECT c.customer_id, CAST(date_trunc('month', c.signup_date) AS DATE) AS month
  FROM stg_customers AS c
  CROSS JOIN params AS p
  WHERE c.signup_date <= p.as_of_date AND TRUE /*accounts:c.customer_id*/
),
trials AS (
  SELECT customer_id, occurred_at AS started_at, CAST(occurred_at AS DATE) AS started_date
  FROM stg_subscription_events AS s
  WHERE change_type = 'trial_started' AND TRUE /*accounts:s.customer_id*/
),
conversions AS (
  SELECT t.customer_id, t.started_at, min(CAST(c.occurred_at AS DATE)) AS converted_date
  FROM stg_subscription_events AS c
  ASOF JOIN trials AS t ON t.customer_id = c.customer_id AND c.occurred_at >= t.started_at
  WHERE c.change_type = 'trial_converted' AND TRUE /*accounts:c.customer_id*/
  GROUP BY t.customer_id, t.started_at
),
trial_outcomes AS (
  SELECT CAST(date_trunc('month', t.started_date) AS DATE) AS month,
    coalesce(v.converted_date <= t.started_date + 14, false) AS converted,
    v.converted_date IS NULL AND t.started_date + 14 > p.as_of_date AS still_open
  FROM trials AS t
  LEFT JOIN conversions AS v ON v.customer_id = t.customer_id AND v.started_at = t.started_at
  CROSS JOIN params AS p
),
first_paid AS (
  SELECT customer_id, CAST(date_trunc('month', min(valid_from)) AS DATE) AS month
  FROM fct_subscription_states AS s
  WHERE is_paid AND TRUE /*accounts:s.customer_id*/
  GROUP BY customer_id
),
months AS (
  SELECT CAST(m.month AS DATE) AS month
  FROM params AS p
  CROSS JOIN (SELECT min(month) AS first_month FROM signups) AS f
  CROSS JOIN LATERAL unnest(generate_series(CAST(least(p.window_month, coalesce(f.first_month, p.window_month)) AS TIMESTAMP),
    CAST(date_trunc('month', p.as_of_date) AS TIMESTAMP), INTERVAL 1 MONTH)) AS m(month)
),
by_signup AS (
  SELECT s.month, count(*) AS signups, count(fp.customer_id) AS signups_paid
  FROM signups AS s
  LEFT JOIN first_paid AS fp ON fp.customer_id = s.customer_id
  GROUP BY s.month
),
by_trial AS (
  SELECT month, count(*) AS trials, count(*) FILTER (WHERE converted) AS trial_conversions, count(*) FILTER (WHERE still_open) AS trials_open
  FROM trial_outcomes
  GROUP BY month
),
by_paid AS (
  SELECT month, count(*) AS paid_conversions FROM first_paid GROUP BY month
)
SELECT
  m.month,
  last_day(m.month) > p.as_of_date AS is_partial_month,
  coalesce(s.signups, 0) AS signups,
  coalesce(t.trials, 0) AS trials,
  coalesce(t.trial_conversions, 0) AS trial_conversions,
  coalesce(t.trials_open, 0) AS trials_open,
  t.trial_conversions / nullif(t.trials, 0) AS trial_to_paid_rate,
  coalesce(t.trials, 0) / nullif(s.signups, 0) AS signup_to_trial_rate,
  coalesce(b.paid_conversions, 0) AS paid_conversions,
  coalesce(s.signups_paid, 0) AS signups_paid,
  s.signups_paid / nullif(s.signups, 0) AS signup_to_paid_rate
FROM months AS m
CROSS JOIN params AS p
LEFT JOIN by_signup AS s ON s.month = m.month
LEFT JOIN by_trial AS t ON t.month = m.month
LEFT JOIN by_paid AS b ON b.month = m.month
WHERE TRUE /*period:m.month as month*/
ORDER BY m.month
