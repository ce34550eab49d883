-- Daily miles economy (seed 002 miles_analytics): miles earned against miles redeemed, the net
-- change, running totals and the outstanding miles liability (miles earned and not yet
-- redeemed, all users together, at the end of each day), with the earn/redeem ratio and the
-- seed's miles_economy_health classes. Every day from the first active day to the as-of date
-- has a row (days without miles events too). On the as-of date the liability equals the sum
-- of dim_users.current_miles_balance. Ratios with a zero denominator are NULL. calculated_at
-- is the end of the as-of date (deterministic).
-- Filterable by user and by day at query time (a kept day's running totals and liability still
-- count every earlier day).
-- @col event_date: The day.
-- @col daily_miles_earned: Sum of miles_amount over miles_earned events.
-- @col daily_miles_redeemed: Sum of miles_amount over miles_redeemed events.
-- @col net_miles_change: daily_miles_earned - daily_miles_redeemed: the day's change in the liability.
-- @col users_earning: Users with a miles_earned event.
-- @col users_redeeming: Users with a miles_redeemed event.
-- @col earning_transactions: Number of miles_earned events.
-- @col redeeming_transactions: Number of miles_redeemed events.
-- @col cumulative_miles_earned: Miles earned from the first day up to and including this one.
-- @col cumulative_miles_redeemed: Miles redeemed from the first day up to and including this one.
-- @col outstanding_miles_liability: cumulative_miles_earned - cumulative_miles_redeemed: miles held by users at the end of the day.
-- @col avg_7d_miles_earned: Mean daily_miles_earned of the 7 days ending on the day, rounded to a whole number.
-- @col avg_7d_miles_redeemed: Mean daily_miles_redeemed of the 7 days ending on the day, rounded to a whole number.
-- @col miles_earn_redeem_ratio: daily_miles_earned / daily_miles_redeemed (NULL when nothing was redeemed).
-- @col miles_economy_health: Healthy Growth (earned > redeemed x 1.2), Stable (earned > redeemed), High Redemption (redeemed > earned x 1.2), else Balanced.
-- @col calculated_at: End of the as-of date (deterministic calculation timestamp).
-- @test unique: event_date
-- @test accepted_values: miles_economy_health = Healthy Growth, Stable, High Redemption, Balanced
-- @test expression(liability_identity): outstanding_miles_liability = cumulative_miles_earned - cumulative_miles_redeemed
WITH params AS (
  SELECT as_of_date, CAST(as_of_date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND AS calculated_at
  FROM run_params
),
user_days AS (
  SELECT event_date,
    sum(miles_amount) FILTER (WHERE event_type = 'miles_earned') AS earned,
    sum(miles_amount) FILTER (WHERE event_type = 'miles_redeemed') AS redeemed,
    count(*) FILTER (WHERE event_type = 'miles_earned') AS earn_events,
    count(*) FILTER (WHERE event_type = 'miles_redeemed') AS redeem_events
  FROM stg_events AS e
  WHERE event_type IN ('miles_earned', 'miles_redeemed') AND TRUE /*users:e.user_id*/
  GROUP BY event_date, user_id
),
miles AS (
  SELECT event_date,
    sum(earned) AS earned,
    sum(redeemed) AS redeemed,
    count(*) FILTER (WHERE earn_events > 0) AS users_earning,
    count(*) FILTER (WHERE redeem_events > 0) AS users_redeeming,
    sum(earn_events) AS earn_events,
    sum(redeem_events) AS redeem_events
  FROM user_days
  GROUP BY event_date
),
days AS (
  SELECT CAST(unnest(generate_series(CAST(min(u.event_date) AS TIMESTAMP), CAST(any_value(p.as_of_date) AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS event_date
  FROM fct_user_days AS u
  CROSS JOIN params AS p
  WHERE TRUE /*users:u.user_id*/
),
daily AS (
  SELECT
    d.event_date,
    CAST(coalesce(m.earned, 0) AS BIGINT) AS daily_miles_earned,
    CAST(coalesce(m.redeemed, 0) AS BIGINT) AS daily_miles_redeemed,
    coalesce(m.users_earning, 0) AS users_earning,
    coalesce(m.users_redeeming, 0) AS users_redeeming,
    CAST(coalesce(m.earn_events, 0) AS BIGINT) AS earning_transactions,
    CAST(coalesce(m.redeem_events, 0) AS BIGINT) AS redeeming_transactions
  FROM days AS d
  LEFT JOIN miles AS m ON m.event_date = d.event_date
),
running AS (
  SELECT *,
    CAST(sum(daily_miles_earned) OVER (ORDER BY event_date ROWS UNBOUNDED PRECEDING) AS BIGINT) AS cumulative_miles_earned,
    CAST(sum(daily_miles_redeemed) OVER (ORDER BY event_date ROWS UNBOUNDED PRECEDING) AS BIGINT) AS cumulative_miles_redeemed,
    CAST(round(avg(daily_miles_earned) OVER w7) AS BIGINT) AS avg_7d_miles_earned,
    CAST(round(avg(daily_miles_redeemed) OVER w7) AS BIGINT) AS avg_7d_miles_redeemed
  FROM daily
  WINDOW w7 AS (ORDER BY event_date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)
)
SELECT
  r.event_date,
  r.daily_miles_earned,
  r.daily_miles_redeemed,
  r.daily_miles_earned - r.daily_miles_redeemed AS net_miles_change,
  r.users_earning,
  r.users_redeeming,
  r.earning_transactions,
  r.redeeming_transactions,
  r.cumulative_miles_earned,
  r.cumulative_miles_redeemed,
  r.cumulative_miles_earned - r.cumulative_miles_redeemed AS outstanding_miles_liability,
  r.avg_7d_miles_earned,
  r.avg_7d_miles_redeemed,
  CAST(r.daily_miles_earned AS DOUBLE) / nullif(r.daily_miles_redeemed, 0) AS miles_earn_redeem_ratio,
  CASE
    WHEN r.daily_miles_earned > r.daily_miles_redeemed * 1.2 THEN 'Healthy Growth'
    WHEN r.daily_miles_earned > r.daily_miles_redeemed THEN 'Stable'
    WHEN r.daily_miles_redeemed > r.daily_miles_earned * 1.2 THEN 'High Redemption'
    ELSE 'Balanced'
  END AS miles_economy_health,
  p.calculated_at
FROM running AS r
CROSS JOIN params AS p
WHERE TRUE /*period:r.event_date as event_date*/
ORDER BY r.event_date
