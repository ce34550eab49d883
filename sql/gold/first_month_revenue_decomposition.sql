-- Why average first-month net revenue changed (seed 004): the change between a base and a
-- compare quarter, for subscription-acquired accounts, split into price, seats (volume),
-- plan-mix, discount and reversal effects that add up to the change exactly. The base quarter
-- is the window's first quarter (the quarter of run_params.window_start: 2024-Q1 by
-- default), the compare quarter the same quarter a year later (2025-Q1). Per-account amounts
-- are first_month_accounts' pro-rata first month. Average net is written as
--   N = G x (1 - d) x (1 - r),  G = sum over tiers t of w_t x S_t x P_t,
-- with w_t the share of accounts on tier t, S_t their average seats, P_t their first-month
-- gross per seat (the price-book price per seat and month), d = discounts / gross (d = sum of
-- d_k over discount kinds) and r = reversals / (gross - discounts) (sum of r_j over reasons).
-- The split is a Shapley decomposition over the five factor groups (plan_mix = every w_t,
-- seats = every S_t, price = every P_t, discount = every d_k, reversal = every r_j): a group's
-- effect is the average, over the 5! orders of switching the groups from base to compare
-- values, of the change in N when that group switches. It does not depend on an order, and
-- the effects add up to N(compare) - N(base) exactly (to rounding, checked at 1e-9). N is
-- linear in each group's members given the others, so each group's effect splits exactly
-- into one component per tier, discount kind or reversal reason: the 21 rows of a pair.
-- A tier missing from one quarter takes the other quarter's S_t and P_t there (its w_t is 0,
-- so this changes neither N); an account without a seat count counts as one seat. With no
-- account in either quarter every effect is NULL.
-- Filterable by account at query time (through first_month_accounts); a date range does not
-- apply: the two quarters compared are fixed.
-- @col base_quarter: The base quarter, like 2024-Q1.
-- @col compare_quarter: The compare quarter, a year later, like 2025-Q1.
-- @col acquisition_type: subscription: the accounts decomposed.
-- @col is_partial_compare: TRUE when the compare quarter is not over at the as-of date.
-- @col base_accounts: Accounts acquired in the base quarter.
-- @col compare_accounts: Accounts acquired in the compare quarter.
-- @col base_avg_net: Average first-month net revenue in the base quarter, USD.
-- @col compare_avg_net: Average first-month net revenue in the compare quarter, USD.
-- @col total_change: compare_avg_net - base_avg_net, USD; the sum of effect over the pair's rows.
-- @col sort_order: Display order of the row (1 to 21).
-- @col effect_group: price, seats, plan_mix, discount or reversal.
-- @col component: Tier (Starter, Growth, Pro, Enterprise) for price, seats and plan_mix; discount kind (welcome_offer, prepaid_3, prepaid_6, annual, promo, other) for discount; reversal reason (refund, chargeback, unsatisfied_return) for reversal.
-- @col factor: What base_value and compare_value measure: price_per_seat (P_t, USD), avg_seats (S_t), account_share (w_t), share_of_gross (d_k), share_of_net_before_reversals (r_j).
-- @col base_value: The factor in the base quarter (NULL when the tier has no account there).
-- @col compare_value: The factor in the compare quarter (NULL when the tier has no account there).
-- @col effect: The component's Shapley effect on average first-month net revenue, USD per account.
-- @col share_of_change: effect / total_change (NULL when the change is 0).
-- @test unique: base_quarter, compare_quarter, effect_group, component
-- @test accepted_values: effect_group = price, seats, plan_mix, discount, reversal
WITH params AS (
  SELECT CAST(date_trunc('quarter', window_start) AS DATE) AS base_start,
    CAST(date_trunc('quarter', window_start) + INTERVAL 12 MONTH AS DATE) AS compare_start,
    as_of_date
  FROM run_params
),
accounts AS (
  SELECT CASE WHEN f.quarter_start = p.base_start THEN 0 ELSE 1 END AS period, f.tier,
    CASE WHEN f.seats > 0 THEN f.seats ELSE 1 END AS seats,
    f.gross, f.welcome_offer_discount, f.prepaid_3_discount, f.prepaid_6_discount, f.annual_discount, f.promo_discount, f.other_discount,
    f.refund, f.chargeback, f.unsatisfied_return, f.net
  FROM first_month_accounts AS f
  JOIN params AS p ON f.quarter_start IN (p.base_start, p.compare_start)
  WHERE f.acquisition_type = 'subscription'
),
totals AS (
  SELECT
    count(*) FILTER (WHERE period = 0) AS n0, count(*) FILTER (WHERE period = 1) AS n1,
    avg(net) FILTER (WHERE period = 0) AS net0, avg(net) FILTER (WHERE period = 1) AS net1,
    coalesce(sum(gross) FILTER (WHERE period = 0), 0) AS g0, coalesce(sum(gross) FILTER (WHERE period = 1), 0) AS g1,
    coalesce(sum(gross - net - refund - chargeback - unsatisfied_return) FILTER (WHERE period = 0), 0) AS disc0,
    coalesce(sum(gross - net - refund - chargeback - unsatisfied_return) FILTER (WHERE period = 1), 0) AS disc1,
    coalesce(sum(welcome_offer_discount) FILTER (WHERE period = 0), 0) AS welcome_offer0, coalesce(sum(welcome_offer_discount) FILTER (WHERE period = 1), 0) AS welcome_offer1,
    coalesce(sum(prepaid_3_discount) FILTER (WHERE period = 0), 0) AS prepaid_30, coalesce(sum(prepaid_3_discount) FILTER (WHERE period = 1), 0) AS prepaid_31,
    coalesce(sum(prepaid_6_discount) FILTER (WHERE period = 0), 0) AS prepaid_60, coalesce(sum(prepaid_6_discount) FILTER (WHERE period = 1), 0) AS prepaid_61,
    coalesce(sum(annual_discount) FILTER (WHERE period = 0), 0) AS annual0, coalesce(sum(annual_discount) FILTER (WHERE period = 1), 0) AS annual1,
    coalesce(sum(promo_discount) FILTER (WHERE period = 0), 0) AS promo0, coalesce(sum(promo_discount) FILTER (WHERE period = 1), 0) AS promo1,
    coalesce(sum(other_discount) FILTER (WHERE period = 0), 0) AS other0, coalesce(sum(other_discount) FILTER (WHERE period = 1), 0) AS other1,
    coalesce(sum(refund) FILTER (WHERE period = 0), 0) AS refund0, coalesce(sum(refund) FILTER (WHERE period = 1), 0) AS refund1,
    coalesce(sum(chargeback) FILTER (WHERE period = 0), 0) AS chargeback0, coalesce(sum(chargeback) FILTER (WHERE period = 1), 0) AS chargeback1,
    coalesce(sum(unsatisfied_return) FILTER (WHERE period = 0), 0) AS unsatisfied_return0, coalesce(sum(unsatisfied_return) FILTER (WHERE period = 1), 0) AS unsatisfied_return1
  FROM accounts
),
-- Discount rates d_k (of gross) and reversal rates r_j (of net before reversals); 0 when the
-- base is 0, which keeps N = G (1 - d) (1 - r) exact (nothing to discount or reverse then).
rates AS (
  SELECT t.*, c.component, c.grp,
    CASE c.component
      WHEN 'welcome_offer' THEN coalesce(t.welcome_offer0 / nullif(t.g0, 0), 0)
      WHEN 'prepaid_3' THEN coalesce(t.prepaid_30 / nullif(t.g0, 0), 0)
      WHEN 'prepaid_6' THEN coalesce(t.prepaid_60 / nullif(t.g0, 0), 0)
      WHEN 'annual' THEN coalesce(t.annual0 / nullif(t.g0, 0), 0)
      WHEN 'promo' THEN coalesce(t.promo0 / nullif(t.g0, 0), 0)
      WHEN 'other' THEN coalesce(t.other0 / nullif(t.g0, 0), 0)
      WHEN 'refund' THEN coalesce(t.refund0 / nullif(t.g0 - t.disc0, 0), 0)
      WHEN 'chargeback' THEN coalesce(t.chargeback0 / nullif(t.g0 - t.disc0, 0), 0)
      WHEN 'unsatisfied_return' THEN coalesce(t.unsatisfied_return0 / nullif(t.g0 - t.disc0, 0), 0)
    END AS v0,
    CASE c.component
      WHEN 'welcome_offer' THEN coalesce(t.welcome_offer1 / nullif(t.g1, 0), 0)
      WHEN 'prepaid_3' THEN coalesce(t.prepaid_31 / nullif(t.g1, 0), 0)
      WHEN 'prepaid_6' THEN coalesce(t.prepaid_61 / nullif(t.g1, 0), 0)
      WHEN 'annual' THEN coalesce(t.annual1 / nullif(t.g1, 0), 0)
      WHEN 'promo' THEN coalesce(t.promo1 / nullif(t.g1, 0), 0)
      WHEN 'other' THEN coalesce(t.other1 / nullif(t.g1, 0), 0)
      WHEN 'refund' THEN coalesce(t.refund1 / nullif(t.g1 - t.disc1, 0), 0)
      WHEN 'chargeback' THEN coalesce(t.chargeback1 / nullif(t.g1 - t.disc1, 0), 0)
      WHEN 'unsatisfied_return' THEN coalesce(t.unsatisfied_return1 / nullif(t.g1 - t.disc1, 0), 0)
    END AS v1,
    c.sort_order
  FROM totals AS t
  CROSS JOIN (VALUES
    ('discount', 'welcome_offer', 13), ('discount', 'prepaid_3', 14), ('discount', 'prepaid_6', 15), ('discount', 'annual', 16),
    ('discount', 'promo', 17), ('discount', 'other', 18),
    ('reversal', 'refund', 19), ('reversal', 'chargeback', 20), ('reversal', 'unsatisfied_return', 21)) AS c(grp, component, sort_order)
),
rate_totals AS (
  SELECT sum(v0) FILTER (WHERE grp = 'discount') AS d0, sum(v1) FILTER (WHERE grp = 'discount') AS d1,
    sum(v0) FILTER (WHERE grp = 'reversal') AS r0, sum(v1) FILTER (WHERE grp = 'reversal') AS r1
  FROM rates
),
tier_stats AS (
  SELECT pl.tier, pl.tier_rank,
    count(a.tier) FILTER (WHERE a.period = 0) AS k0, count(a.tier) FILTER (WHERE a.period = 1) AS k1,
    sum(a.seats) FILTER (WHERE a.period = 0) AS seats0, sum(a.seats) FILTER (WHERE a.period = 1) AS seats1,
    sum(a.gross) FILTER (WHERE a.period = 0) AS gross0, sum(a.gross) FILTER (WHERE a.period = 1) AS gross1
  FROM stg_plans AS pl
  LEFT JOIN accounts AS a ON a.tier = pl.tier
  WHERE pl.tier_rank > 0
  GROUP BY pl.tier, pl.tier_rank
),
tiers AS (
  SELECT s.tier, s.tier_rank,
    coalesce(s.k0 / nullif(t.n0, 0), 0) AS w0, coalesce(s.k1 / nullif(t.n1, 0), 0) AS w1,
    CAST(s.seats0 AS DOUBLE) / nullif(s.k0, 0) AS raw_s0, CAST(s.seats1 AS DOUBLE) / nullif(s.k1, 0) AS raw_s1,
    s.gross0 / nullif(s.seats0, 0) AS raw_p0, s.gross1 / nullif(s.seats1, 0) AS raw_p1
  FROM tier_stats AS s
  CROSS JOIN totals AS t
),
filled AS (
  SELECT *,
    coalesce(raw_s0, raw_s1, 0) AS s0, coalesce(raw_s1, raw_s0, 0) AS s1,
    coalesce(raw_p0, raw_p1, 0) AS p0, coalesce(raw_p1, raw_p0, 0) AS p1
  FROM tiers
),
-- Every coalition of factor groups switched to compare values: bit 1 plan_mix, 2 seats,
-- 4 price, 8 discount, 16 reversal.
coalitions AS (
  SELECT m.mask, f.tier,
    CASE WHEN m.mask & 1 > 0 THEN f.w1 ELSE f.w0 END AS w,
    CASE WHEN m.mask & 2 > 0 THEN f.s1 ELSE f.s0 END AS s,
    CASE WHEN m.mask & 4 > 0 THEN f.p1 ELSE f.p0 END AS p,
    f.w1 - f.w0 AS dw, f.s1 - f.s0 AS ds, f.p1 - f.p0 AS dp
  FROM range(32) AS m(mask)
  CROSS JOIN filled AS f
),
masks AS (
  SELECT c.mask, sum(c.w * c.s * c.p) AS g,
    CASE WHEN c.mask & 8 > 0 THEN r.d1 ELSE r.d0 END AS d,
    CASE WHEN c.mask & 16 > 0 THEN r.r1 ELSE r.r0 END AS rr,
    -- Shapley weight of a coalition of size k not holding the player: k! (5 - k - 1)! / 5!
    CAST(factorial(CAST(bit_count(c.mask) AS INTEGER)) * factorial(CAST(4 - bit_count(c.mask) AS INTEGER)) AS DOUBLE) / 120 AS weight
  FROM coalitions AS c
  CROSS JOIN rate_totals AS r
  GROUP BY c.mask, r.d0, r.d1, r.r0, r.r1
),
tier_effects AS (
  SELECT c.tier,
    sum(CASE WHEN c.mask & 1 = 0 THEN k.weight * c.dw * c.s * c.p * (1 - k.d) * (1 - k.rr) ELSE 0 END) AS plan_mix,
    sum(CASE WHEN c.mask & 2 = 0 THEN k.weight * c.w * c.ds * c.p * (1 - k.d) * (1 - k.rr) ELSE 0 END) AS seats,
    sum(CASE WHEN c.mask & 4 = 0 THEN k.weight * c.w * c.s * c.dp * (1 - k.d) * (1 - k.rr) ELSE 0 END) AS price
  FROM coalitions AS c
  JOIN masks AS k ON k.mask = c.mask
  GROUP BY c.tier
),
coefficients AS (
  SELECT
    sum(CASE WHEN mask & 8 = 0 THEN weight * g * (1 - rr) ELSE 0 END) AS discount_coefficient,
    sum(CASE WHEN mask & 16 = 0 THEN weight * g * (1 - d) ELSE 0 END) AS reversal_coefficient
  FROM masks
),
effects AS (
  SELECT e.grp AS effect_group, f.tier AS component, f.tier_rank + e.offset_rank AS sort_order, e.factor,
    CASE e.grp WHEN 'price' THEN f.raw_p0 WHEN 'seats' THEN f.raw_s0 ELSE CASE WHEN t.n0 > 0 THEN f.w0 END END AS base_value,
    CASE e.grp WHEN 'price' THEN f.raw_p1 WHEN 'seats' THEN f.raw_s1 ELSE CASE WHEN t.n1 > 0 THEN f.w1 END END AS compare_value,
    CASE e.grp WHEN 'price' THEN te.price WHEN 'seats' THEN te.seats ELSE te.plan_mix END AS effect
  FROM filled AS f
  JOIN tier_effects AS te ON te.tier = f.tier
  CROSS JOIN totals AS t
  CROSS JOIN (VALUES ('price', 'price_per_seat', 0), ('seats', 'avg_seats', 4), ('plan_mix', 'account_share', 8)) AS e(grp, factor, offset_rank)
  UNION ALL
  SELECT r.grp, r.component, r.sort_order,
    CASE r.grp WHEN 'discount' THEN 'share_of_gross' ELSE 'share_of_net_before_reversals' END,
    CASE WHEN r.n0 > 0 THEN r.v0 END, CASE WHEN r.n1 > 0 THEN r.v1 END,
    CASE r.grp WHEN 'discount' THEN -c.discount_coefficient * (r.v1 - r.v0) ELSE -c.reversal_coefficient * (r.v1 - r.v0) END
  FROM rates AS r
  CROSS JOIN coefficients AS c
)
SELECT
  CAST(year(p.base_start) AS VARCHAR) || '-Q' || CAST(quarter(p.base_start) AS VARCHAR) AS base_quarter,
  CAST(year(p.compare_start) AS VARCHAR) || '-Q' || CAST(quarter(p.compare_start) AS VARCHAR) AS compare_quarter,
  'subscription' AS acquisition_type,
  CAST(p.compare_start + INTERVAL 3 MONTH AS DATE) - 1 > p.as_of_date AS is_partial_compare,
  t.n0 AS base_accounts,
  t.n1 AS compare_accounts,
  t.net0 AS base_avg_net,
  t.net1 AS compare_avg_net,
  t.net1 - t.net0 AS total_change,
  CAST(e.sort_order AS INTEGER) AS sort_order,
  e.effect_group,
  e.component,
  e.factor,
  e.base_value,
  e.compare_value,
  CASE WHEN t.n0 > 0 AND t.n1 > 0 THEN e.effect END AS effect,
  CASE WHEN t.n0 > 0 AND t.n1 > 0 THEN e.effect / nullif(t.net1 - t.net0, 0) END AS share_of_change
FROM effects AS e
CROSS JOIN params AS p
CROSS JOIN totals AS t
ORDER BY e.sort_order
