-- Daily drivers of user growth (seed 002 growth_drivers): the miles economy, social
-- engagement, platforms and acquisition channels, per day from the first active day to the
-- as-of date (days without events too). Counted from stg_events (every event is activity);
-- users per platform count a user once per platform used that day, so platform shares can add
-- up to more than 100 %. New users by channel are users whose first active day is the day, by
-- the utm_source of their first event (dim_users). miles_economy_health and
-- social_engagement_level follow the seed's definitions; the social action share is the share
-- of active users who shared or liked. feature_adoption_score, which the seed leaves open, is
-- the weighted mean of the five rewards feature usage rates (earning 30 %, redeeming 20 %,
-- sharing 20 %, liking 15 %, searching 15 %). Ratios with a zero denominator are NULL.
-- calculated_at is the end of the as-of date (deterministic).
-- Filterable by user and by day at query time (QUALIFY keeps the days after the 7-day averages
-- are taken, so a kept day's averages still see the days before it).
-- @col event_date: The day.
-- @col daily_active_users: Users with at least one event on the day.
-- @col total_daily_events: Events on the day.
-- @col daily_miles_earned: Sum of miles_amount over miles_earned events.
-- @col daily_miles_redeemed: Sum of miles_amount over miles_redeemed events.
-- @col net_miles_change: daily_miles_earned - daily_miles_redeemed.
-- @col users_earning_miles: Users with a miles_earned event.
-- @col users_redeeming_miles: Users with a miles_redeemed event.
-- @col miles_earning_events: Number of miles_earned events.
-- @col miles_redemption_events: Number of miles_redeemed events.
-- @col miles_earn_redeem_ratio: daily_miles_earned / daily_miles_redeemed (NULL when nothing was redeemed).
-- @col earning_user_pct: users_earning_miles / daily_active_users x 100.
-- @col redeeming_user_pct: users_redeeming_miles / daily_active_users x 100.
-- @col daily_shares: Number of share events.
-- @col daily_likes: Number of like events.
-- @col daily_searches: Number of reward_search events.
-- @col users_sharing: Users with a share event.
-- @col users_liking: Users with a like event.
-- @col users_searching: Users with a reward_search event.
-- @col sharing_user_pct: users_sharing / daily_active_users x 100.
-- @col liking_user_pct: users_liking / daily_active_users x 100.
-- @col searching_user_pct: users_searching / daily_active_users x 100.
-- @col social_user_pct: Social action share: users with a share or like event / daily_active_users x 100.
-- @col ios_users: Users with an iOS event.
-- @col android_users: Users with an Android event.
-- @col web_users: Users with a Web event.
-- @col ios_user_pct: ios_users / daily_active_users x 100.
-- @col android_user_pct: android_users / daily_active_users x 100.
-- @col web_user_pct: web_users / daily_active_users x 100.
-- @col ios_events_per_user: iOS events / ios_users.
-- @col android_events_per_user: Android events / android_users.
-- @col web_events_per_user: Web events / web_users.
-- @col new_organic_users: First-time users whose first event came through utm_source organic.
-- @col new_paid_users: First-time users from paid.
-- @col new_social_users: First-time users from social.
-- @col new_referral_users: First-time users from referral.
-- @col total_new_users: Sum of the four channels' new users.
-- @col miles_economy_health: Healthy Growth (earned > redeemed x 1.2), Stable (earned > redeemed), High Redemption (redeemed > earned x 1.2), else Balanced.
-- @col social_engagement_level: By social_user_pct: High Social (>= 20 %), Moderate Social (10 to 20 %), Low Social (< 10 %).
-- @col feature_adoption_score: 0-100: round(0.3 x earning_user_pct + 0.2 x redeeming_user_pct + 0.2 x sharing_user_pct + 0.15 x liking_user_pct + 0.15 x searching_user_pct).
-- @col avg_7d_miles_earned: Mean daily_miles_earned of the 7 days ending on the day.
-- @col avg_7d_social_actions: Mean of daily_shares + daily_likes over the 7 days ending on the day.
-- @col calculated_at: End of the as-of date (deterministic calculation timestamp).
-- @test unique: event_date
-- @test accepted_values: miles_economy_health = Healthy Growth, Stable, High Redemption, Balanced
-- @test accepted_values: social_engagement_level = High Social, Moderate Social, Low Social
-- @test expression(feature_adoption_in_range): feature_adoption_score IS NULL OR feature_adoption_score BETWEEN 0 AND 100
WITH params AS (
  SELECT as_of_date, CAST(as_of_date AS TIMESTAMP) + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND AS calculated_at
  FROM run_params
),
-- Which rewards features and platforms each user used each day, as bit flags: one grouping
-- by user and day of all events (the expensive step) with a single aggregate.
user_days AS (
  SELECT event_date,
    bit_or(CASE event_type WHEN 'miles_earned' THEN 1 WHEN 'miles_redeemed' THEN 2 WHEN 'share' THEN 4 WHEN 'like' THEN 8 WHEN 'reward_search' THEN 16 ELSE 0 END
      | CASE platform WHEN 'iOS' THEN 32 WHEN 'Android' THEN 64 WHEN 'Web' THEN 128 ELSE 0 END) AS flags
  FROM stg_events AS e
  WHERE TRUE /*users:e.user_id*/
  GROUP BY event_date, user_id
),
day_users AS (
  SELECT event_date,
    count(*) AS dau,
    count(*) FILTER (WHERE flags & 1 <> 0) AS users_earning,
    count(*) FILTER (WHERE flags & 2 <> 0) AS users_redeeming,
    count(*) FILTER (WHERE flags & 4 <> 0) AS users_sharing,
    count(*) FILTER (WHERE flags & 8 <> 0) AS users_liking,
    count(*) FILTER (WHERE flags & 16 <> 0) AS users_searching,
    count(*) FILTER (WHERE flags & 12 <> 0) AS users_social,
    count(*) FILTER (WHERE flags & 32 <> 0) AS ios_users,
    count(*) FILTER (WHERE flags & 64 <> 0) AS android_users,
    count(*) FILTER (WHERE flags & 128 <> 0) AS web_users
  FROM user_days
  GROUP BY event_date
),
-- Event counts and miles per day: a grouping by day only, which is cheap.
day_events AS (
  SELECT event_date,
    count(*) AS events,
    sum(miles_amount) FILTER (WHERE event_type = 'miles_earned') AS earned,
    sum(miles_amount) FILTER (WHERE event_type = 'miles_redeemed') AS redeemed,
    count(*) FILTER (WHERE event_type = 'miles_earned') AS earn_events,
    count(*) FILTER (WHERE event_type = 'miles_redeemed') AS redeem_events,
    count(*) FILTER (WHERE event_type = 'share') AS shares,
    count(*) FILTER (WHERE event_type = 'like') AS likes,
    count(*) FILTER (WHERE event_type = 'reward_search') AS searches,
    count(*) FILTER (WHERE platform = 'iOS') AS ios_events,
    count(*) FILTER (WHERE platform = 'Android') AS android_events,
    count(*) FILTER (WHERE platform = 'Web') AS web_events
  FROM stg_events AS e
  WHERE TRUE /*users:e.user_id*/
  GROUP BY event_date
),
new_users AS (
  SELECT first_seen_date AS event_date,
    count(*) FILTER (WHERE first_utm_source = 'organic') AS organic,
    count(*) FILTER (WHERE first_utm_source = 'paid') AS paid,
    count(*) FILTER (WHERE first_utm_source = 'social') AS social,
    count(*) FILTER (WHERE first_utm_source = 'referral') AS referral
  FROM dim_users AS u
  WHERE TRUE /*users:u.user_id*/
  GROUP BY first_seen_date
),
days AS (
  SELECT CAST(unnest(generate_series(CAST(min(e.event_date) AS TIMESTAMP), CAST(any_value(p.as_of_date) AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS event_date
  FROM day_events AS e
  CROSS JOIN params AS p
),
daily AS (
  SELECT
    d.event_date,
    coalesce(a.dau, 0) AS daily_active_users,
    CAST(coalesce(e.events, 0) AS BIGINT) AS total_daily_events,
    CAST(coalesce(e.earned, 0) AS BIGINT) AS daily_miles_earned,
    CAST(coalesce(e.redeemed, 0) AS BIGINT) AS daily_miles_redeemed,
    coalesce(a.users_earning, 0) AS users_earning_miles,
    coalesce(a.users_redeeming, 0) AS users_redeeming_miles,
    CAST(coalesce(e.earn_events, 0) AS BIGINT) AS miles_earning_events,
    CAST(coalesce(e.redeem_events, 0) AS BIGINT) AS miles_redemption_events,
    CAST(coalesce(e.shares, 0) AS BIGINT) AS daily_shares,
    CAST(coalesce(e.likes, 0) AS BIGINT) AS daily_likes,
    CAST(coalesce(e.searches, 0) AS BIGINT) AS daily_searches,
    coalesce(a.users_sharing, 0) AS users_sharing,
    coalesce(a.users_liking, 0) AS users_liking,
    coalesce(a.users_searching, 0) AS users_searching,
    coalesce(a.users_social, 0) AS users_social,
    coalesce(a.ios_users, 0) AS ios_users,
    coalesce(a.android_users, 0) AS android_users,
    coalesce(a.web_users, 0) AS web_users,
    CAST(coalesce(e.ios_events, 0) AS BIGINT) AS ios_events,
    CAST(coalesce(e.android_events, 0) AS BIGINT) AS android_events,
    CAST(coalesce(e.web_events, 0) AS BIGINT) AS web_events,
    coalesce(n.organic, 0) AS new_organic_users,
    coalesce(n.paid, 0) AS new_paid_users,
    coalesce(n.social, 0) AS new_social_users,
    coalesce(n.referral, 0) AS new_referral_users
  FROM days AS d
  LEFT JOIN day_users AS a ON a.event_date = d.event_date
  LEFT JOIN day_events AS e ON e.event_date = d.event_date
  LEFT JOIN new_users AS n ON n.event_date = d.event_date
),
rates AS (
  SELECT *,
    100.0 * users_earning_miles / nullif(daily_active_users, 0) AS earning_user_pct,
    100.0 * users_redeeming_miles / nullif(daily_active_users, 0) AS redeeming_user_pct,
    100.0 * users_sharing / nullif(daily_active_users, 0) AS sharing_user_pct,
    100.0 * users_liking / nullif(daily_active_users, 0) AS liking_user_pct,
    100.0 * users_searching / nullif(daily_active_users, 0) AS searching_user_pct,
    100.0 * users_social / nullif(daily_active_users, 0) AS social_user_pct
  FROM daily
)
SELECT
  r.event_date,
  r.daily_active_users,
  r.total_daily_events,
  r.daily_miles_earned,
  r.daily_miles_redeemed,
  r.daily_miles_earned - r.daily_miles_redeemed AS net_miles_change,
  r.users_earning_miles,
  r.users_redeeming_miles,
  r.miles_earning_events,
  r.miles_redemption_events,
  CAST(r.daily_miles_earned AS DOUBLE) / nullif(r.daily_miles_redeemed, 0) AS miles_earn_redeem_ratio,
  r.earning_user_pct,
  r.redeeming_user_pct,
  r.daily_shares,
  r.daily_likes,
  r.daily_searches,
  r.users_sharing,
  r.users_liking,
  r.users_searching,
  r.sharing_user_pct,
  r.liking_user_pct,
  r.searching_user_pct,
  r.social_user_pct,
  r.ios_users,
  r.android_users,
  r.web_users,
  100.0 * r.ios_users / nullif(r.daily_active_users, 0) AS ios_user_pct,
  100.0 * r.android_users / nullif(r.daily_active_users, 0) AS android_user_pct,
  100.0 * r.web_users / nullif(r.daily_active_users, 0) AS web_user_pct,
  CAST(r.ios_events AS DOUBLE) / nullif(r.ios_users, 0) AS ios_events_per_user,
  CAST(r.android_events AS DOUBLE) / nullif(r.android_users, 0) AS android_events_per_user,
  CAST(r.web_events AS DOUBLE) / nullif(r.web_users, 0) AS web_events_per_user,
  r.new_organic_users,
  r.new_paid_users,
  r.new_social_users,
  r.new_referral_users,
  r.new_organic_users + r.new_paid_users + r.new_social_users + r.new_referral_users AS total_new_users,
  CASE
    WHEN r.daily_miles_earned > r.daily_miles_redeemed * 1.2 THEN 'Healthy Growth'
    WHEN r.daily_miles_earned > r.daily_miles_redeemed THEN 'Stable'
    WHEN r.daily_miles_redeemed > r.daily_miles_earned * 1.2 THEN 'High Redemption'
    ELSE 'Balanced'
  END AS miles_economy_health,
  CASE
    WHEN r.social_user_pct IS NULL THEN NULL
    WHEN r.social_user_pct >= 20 THEN 'High Social'
    WHEN r.social_user_pct >= 10 THEN 'Moderate Social'
    ELSE 'Low Social'
  END AS social_engagement_level,
  CAST(round(0.3 * r.earning_user_pct + 0.2 * r.redeeming_user_pct + 0.2 * r.sharing_user_pct + 0.15 * r.liking_user_pct + 0.15 * r.searching_user_pct) AS INTEGER) AS feature_adoption_score,
  avg(r.daily_miles_earned) OVER w AS avg_7d_miles_earned,
  avg(r.daily_shares + r.daily_likes) OVER w AS avg_7d_social_actions,
  p.calculated_at
FROM rates AS r
CROSS JOIN params AS p
WINDOW w AS (ORDER BY r.event_date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)
QUALIFY TRUE /*period:r.event_date as event_date*/
ORDER BY r.event_date
