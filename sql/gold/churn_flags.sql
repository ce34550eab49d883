-- Seed 000's churn_flags, one row per user (join to user_master on user_id): a user has
-- churned when the account it belongs to has churned (it paid and is no longer paying at the
-- as-of date, clv_inputs.is_churned) or when the user has been inactive for 30 days or more
-- at the as-of date (no event on the as-of date or the 29 days before it; a user who never
-- acted counts from the day it was created). churn_date is the earlier of the account's churn
-- date and the day the user reached 30 days without activity (last activity + 30 days), and
-- churn_reason says which came first (account_churned on a tie). Users created after the
-- as-of date are left out.
-- Filterable by user at query time (a platform filter keeps the users on that platform; their
-- accounts' churn is read whatever the account's sign-up platform).
-- @col user_id: User key.
-- @col customer_id: Account of the user.
-- @col last_active_date: Day of the user's last event up to the as-of date (NULL if it never acted).
-- @col days_since_last_activity: Days from last_active_date (or the day the user was created) to the as-of date.
-- @col is_inactive_30d: TRUE when days_since_last_activity >= 30.
-- @col is_account_churned: TRUE when the user's account has churned.
-- @col account_churn_date: The account's churn date (clv_inputs.churn_date).
-- @col is_churned: is_account_churned OR is_inactive_30d.
-- @col churn_date: When the user churned: the earlier of account_churn_date and last activity + 30 days (NULL when not churned).
-- @col churn_reason: account_churned or inactive_30d, whichever came first; NULL when not churned.
-- @test unique: user_id
-- @test not_null: user_id, customer_id, days_since_last_activity, is_inactive_30d, is_account_churned, is_churned
-- @test accepted_values: churn_reason = account_churned, inactive_30d
-- @test expression(churn_date_iff_churned): (churn_date IS NULL) = (NOT is_churned) AND (churn_reason IS NULL) = (NOT is_churned)
WITH params AS (SELECT as_of_date FROM run_params),
users AS (
  SELECT u.user_id, u.customer_id, CAST(u.created_at AS DATE) AS created_date, d.last_seen_date AS last_active_date
  FROM stg_users AS u
  LEFT JOIN dim_users AS d ON d.user_id = u.user_id
  CROSS JOIN params AS p
  WHERE CAST(u.created_at AS DATE) <= p.as_of_date AND TRUE /*users:u.user_id*/
),
flags AS (
  SELECT u.user_id, u.customer_id, u.last_active_date,
    datediff('day', coalesce(u.last_active_date, u.created_date), p.as_of_date) AS days_since_last_activity,
    coalesce(u.last_active_date, u.created_date) + 30 AS inactive_from,
    coalesce(a.is_churned, false) AS is_account_churned,
    a.churn_date AS account_churn_date
  FROM users AS u
  LEFT JOIN clv_inputs AS a ON a.customer_id = u.customer_id
  CROSS JOIN params AS p
)
SELECT
  user_id,
  customer_id,
  last_active_date,
  days_since_last_activity,
  days_since_last_activity >= 30 AS is_inactive_30d,
  is_account_churned,
  account_churn_date,
  is_account_churned OR days_since_last_activity >= 30 AS is_churned,
  CASE
    WHEN is_account_churned AND days_since_last_activity >= 30 THEN least(account_churn_date, inactive_from)
    WHEN is_account_churned THEN account_churn_date
    WHEN days_since_last_activity >= 30 THEN inactive_from
  END AS churn_date,
  CASE
    WHEN is_account_churned AND (days_since_last_activity < 30 OR account_churn_date <= inactive_from) THEN 'account_churned'
    WHEN days_since_last_activity >= 30 THEN 'inactive_30d'
  END AS churn_reason
FROM flags
