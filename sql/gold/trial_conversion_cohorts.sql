-- Trial-to-paid conversion by trial cohort (metrics.md, seed 000's strict 14-day trial):
-- trials grouped by the month they started and by the account's acquisition channel, with
-- an 'all' row per month for every channel together. A trial converted when its
-- trial_converted change falls on a date at most 14 days after the trial's start date (each
-- conversion belongs to the latest trial started before it); days_to_convert is the number
-- of calendar days from the start date to the conversion date. A cohort is complete once
-- every one of its trials has ended (the month's last day + 14 days is on or before the
-- as-of date); before that, trials_open counts the trials still running and the rate can
-- still rise. Rates and medians over no trial or no conversion are NULL.
-- Filterable by account and by trial month at query time.
-- @col trial_month: Month the trials started in.
-- @col acquisition_channel: organic, paid, social or referral; 'all' for every channel together.
-- @col trials_started: Trials started in the month (through this channel).
-- @col converted: Of these, trials converted to paid within 14 days.
-- @col trials_open: Of these, trials still inside their 14 days at the as-of date and not converted yet.
-- @col conversion_rate: converted / trials_started.
-- @col median_days_to_convert: Median days from trial start to conversion, over the converted trials.
-- @col avg_days_to_convert: Average days from trial start to conversion, over the converted trials.
-- @col is_cohort_complete: TRUE when every trial of the month has ended by the as-of date.
-- @test unique: trial_month, acquisition_channel
-- @test accepted_values: acquisition_channel = organic, paid, social, referral, all
-- @test expression(converted_within_started): converted + trials_open <= trials_started AND coalesce(median_days_to_convert, 0) BETWEEN 0 AND 14
WITH params AS (SELECT as_of_date FROM run_params),
trials AS (
  SELECT s.customer_id, s.occurred_at AS started_at, CAST(s.occurred_at AS DATE) AS started_date, c.acquisition_channel
  FROM stg_subscription_events AS s
  JOIN stg_customers AS c ON c.customer_id = s.customer_id
  WHERE s.change_type = 'trial_started' AND TRUE /*accounts:s.customer_id*/
),
conversions AS (
  SELECT t.customer_id, t.started_at, min(CAST(c.occurred_at AS DATE)) AS converted_date
  FROM stg_subscription_events AS c
  ASOF JOIN trials AS t ON t.customer_id = c.customer_id AND c.occurred_at >= t.started_at
  WHERE c.change_type = 'trial_converted' AND TRUE /*accounts:c.customer_id*/
  GROUP BY t.customer_id, t.started_at
),
outcomes AS (
  SELECT CAST(date_trunc('month', t.started_date) AS DATE) AS trial_month, t.acquisition_channel,
    CASE WHEN v.converted_date <= t.started_date + 14 THEN datediff('day', t.started_date, v.converted_date) END AS days_to_convert,
    v.converted_date IS NULL AND t.started_date + 14 > p.as_of_date AS still_open
  FROM trials AS t
  LEFT JOIN conversions AS v ON v.customer_id = t.customer_id AND v.started_at = t.started_at
  CROSS JOIN params AS p
),
cohorts AS (
  SELECT trial_month, acquisition_channel, grouping(acquisition_channel) = 1 AS is_all,
    count(*) AS trials_started,
    count(days_to_convert) AS converted,
    count(*) FILTER (WHERE still_open) AS trials_open,
    median(CAST(days_to_convert AS DOUBLE)) AS median_days_to_convert,
    avg(days_to_convert) AS avg_days_to_convert
  FROM outcomes
  GROUP BY GROUPING SETS ((trial_month, acquisition_channel), (trial_month))
)
SELECT
  c.trial_month,
  CASE WHEN c.is_all THEN 'all' ELSE c.acquisition_channel END AS acquisition_channel,
  c.trials_started,
  c.converted,
  c.trials_open,
  c.converted / nullif(c.trials_started, 0) AS conversion_rate,
  c.median_days_to_convert,
  c.avg_days_to_convert,
  last_day(c.trial_month) + 14 <= p.as_of_date AS is_cohort_complete
FROM cohorts AS c
CROSS JOIN params AS p
WHERE TRUE /*period:c.trial_month as trial_month*/
ORDER BY c.trial_month, c.is_all, c.acquisition_channel
