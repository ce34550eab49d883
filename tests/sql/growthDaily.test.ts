import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents, day, failingGrowthChecks } from '../helpers/growthFixtures';
import { type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';
import { createRawTables } from '../helpers/rawFixtures';

/**
 * Worked example of daily growth accounting, as of 2024-04-30. Day n is 2024-01-01 + n days
 * (day 0 is a Monday, day 93 is 3 April, day 100 is 10 April, day 120 is the as-of date).
 * Active days of each user:
 *   A 0, 1, 2      B 0, 2      C 1
 *   P91 9, 100     P90 10, 100     P31 69, 100     P30 70, 100     P8 92, 100     P7 93, 100
 *   S 93           P2 98, 100      Q 99, 100
 *   T20 35, 55     T3 52, 55
 *   R 113 to 120 (8 days), plus day 121, after the as-of date (not seen)
 * On day 100 seven users come back after 2, 7, 8, 30, 31, 90 and 91 days (P2 ... P91), and Q
 * was active the day before: each dormancy and lifecycle boundary is met once.
 */
const D0 = '2024-01-01';
const days = (...ns: number[]) => ns.map((k) => day(D0, k));
const CALENDAR: Record<string, string[]> = {
  A: days(0, 1, 2), B: days(0, 2), C: days(1),
  P91: days(9, 100), P90: days(10, 100), P31: days(69, 100), P30: days(70, 100), P8: days(92, 100), P7: days(93, 100),
  S: days(93), P2: days(98, 100), Q: days(99, 100),
  T20: days(35, 55), T3: days(52, 55),
  R: days(113, 114, 115, 116, 117, 118, 119, 120, 121),
};

/** Rows of a daily model for the given day numbers, keyed by day number. */
async function byDay(db: NodeDb, sql: string, dateColumn: string, ns: number[]): Promise<Record<number, Record<string, unknown>>> {
  const got = await rows(db, `SELECT datediff('day', DATE '${D0}', ${dateColumn}) AS d, * EXCLUDE (${dateColumn}) FROM (${sql}) WHERE datediff('day', DATE '${D0}', ${dateColumn}) IN (${ns.join(', ')})`);
  return Object.fromEntries(got.map(({ d, ...rest }) => [d as number, rest]));
}

describe('gold daily growth marts, worked example', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await createRawTables(db, activityEvents(CALENDAR), '2024-04-30');
    expect(failingGrowthChecks(await runAll(db))).toEqual([]);
  });
  afterAll(() => db.close());

  it('keeps each active day with the gaps to the first, previous and next active day', async () => {
    const got = await rows(db, `SELECT user_id AS u, datediff('day', DATE '${D0}', event_date) AS d, days_since_first AS f, days_since_previous AS p, days_until_next AS n
      FROM growth_user_days WHERE user_id IN ('A', 'P90', 'R') ORDER BY u, d`);
    expect(got.map((r) => `${r.u}@${r.d}: ${r.f}/${r.p}/${r.n}`)).toEqual([
      'A@0: 0/null/1', 'A@1: 1/1/1', 'A@2: 2/1/null',
      'P90@10: 0/null/90', 'P90@100: 90/90/null',
      // R's day 121 is after the as-of date: day 120 has no next day yet.
      'R@113: 0/null/1', 'R@114: 1/1/1', 'R@115: 2/1/1', 'R@116: 3/1/1', 'R@117: 4/1/1', 'R@118: 5/1/1', 'R@119: 6/1/1', 'R@120: 7/1/null',
    ]);
  });

  /**
   * By hand (new / retained / resurrected; churned = active the day before, not today):
   *   d0   A, B new                                   churned 0          QR NULL  Unknown
   *   d1   C new, A retained                          churned 1 (B)      QR 1     Healthy   retention 1/2
   *   d2   A retained, B resurrected                  churned 1 (C)      QR 1     Healthy   retention 1/2
   *   d3   nobody                                     churned 2 (A, B)   QR 0     Declining retention 0
   *   d4   nobody                                     churned 0          QR NULL  (previous DAU 0: retention NULL)
   *   d93  P7, S new                                  churned 1 (P8)     QR 2     Strong
   *   d100 Q retained, 7 resurrected                  churned 0          QR NULL  Unknown   retention 1/1
   *   d101 nobody                                     churned 8          QR 0     Declining
   */
  it('decomposes each day, days without activity included, up to the as-of date', async () => {
    const got = await byDay(db, `SELECT activity_date, total_dau AS dau, new_users AS new, retained_users AS ret, resurrected_users AS res, churned_users AS churn,
      round(retention_rate_pct, 4) AS rr, quick_ratio AS qr, growth_quality_category AS cat, verification_total AS ver FROM social_capital_growth_accounting_daily`, 'activity_date', [0, 1, 2, 3, 4, 93, 100, 101, 120]);
    expect(got).toEqual({
      0: { dau: 2, new: 2, ret: 0, res: 0, churn: 0, rr: null, qr: null, cat: 'Unknown', ver: 2 },
      1: { dau: 2, new: 1, ret: 1, res: 0, churn: 1, rr: 50, qr: 1, cat: 'Healthy', ver: 2 },
      2: { dau: 2, new: 0, ret: 1, res: 1, churn: 1, rr: 50, qr: 1, cat: 'Healthy', ver: 2 },
      3: { dau: 0, new: 0, ret: 0, res: 0, churn: 2, rr: 0, qr: 0, cat: 'Declining', ver: 0 },
      4: { dau: 0, new: 0, ret: 0, res: 0, churn: 0, rr: null, qr: null, cat: 'Unknown', ver: 0 },
      93: { dau: 2, new: 2, ret: 0, res: 0, churn: 1, rr: 0, qr: 2, cat: 'Strong', ver: 2 },
      100: { dau: 8, new: 0, ret: 1, res: 7, churn: 0, rr: 100, qr: null, cat: 'Unknown', ver: 8 },
      101: { dau: 0, new: 0, ret: 0, res: 0, churn: 8, rr: 0, qr: 0, cat: 'Declining', ver: 0 },
      120: { dau: 1, new: 0, ret: 1, res: 0, churn: 0, rr: 100, qr: null, cat: 'Unknown', ver: 1 },
    });
    const span = await rows(db, `SELECT count(*) AS n, min(activity_date) = DATE '${D0}' AS from_first, max(activity_date) = DATE '2024-04-30' AS to_as_of FROM social_capital_growth_accounting_daily`);
    expect(span).toEqual([{ n: 121, from_first: true, to_as_of: true }]);
  });

  /**
   * Rolling distinct users (window of k days ending on the day):
   *   d2   7d/28d/30d = A, B, C = 3; DAU 2: DAU/WAU = DAU/MAU = 66.67 %, WAU/MAU = 100 %
   *   d7   7d [1, 7] = A, B, C = 3;   d8  7d [2, 8] = A, B = 2 (C's day 1 has left);   d9  7d [3, 9] = P91
   *   d28  28d [1, 28] = A, B, C, P91, P90 = 5;   d29  28d [2, 29] = 4, 30d [0, 29] = 5;   d31  30d [2, 31] = 4
   *   d99  7d [93, 99] = P7, S, P2, Q = 4; 28d [72, 99] adds P8 = 5; 30d [70, 99] adds P30 = 6; DAU 1:
   *        stickiness 1/4 = 25 %, 1/6 = 16.67 %, 4/6 = 66.67 %
   *   d100 7d = the 8 active users; 28d [73, 100] and 30d [71, 100] add S = 9
   *   d120 7d [114, 120] = R; 28d [93, 120] and 30d [91, 120] = 10 (everyone active from day 93)
   * DAU averages: d3 (2 + 2 + 2 + 0) / 4 = 1.5 (only 4 days so far) -> DAU 0 is Trending Down;
   * d2 average 2 = DAU -> Stable; d9 average of d3..d9 = 1/7 < 1 -> Trending Up;
   * d29 30-day average = (2 + 2 + 2 + 1 + 1) / 30; d100 7-day (1 + 1 + 8) / 7, 30-day
   * (1 + 2 + 1 + 1 + 8) / 30; d120 30-day (1 + 2 + 1 + 1 + 8 + 8 x 1) / 30 = 0.7.
   */
  it('counts rolling 7, 28 and 30-day active users exactly, with stickiness, averages and trends', async () => {
    const got = await byDay(db, `SELECT event_date, daily_active_users AS dau, dau_growth AS growth, weekly_active_users_7d AS w7, active_users_28d AS d28, monthly_active_users_30d AS d30,
      round(weekly_avg_dau, 4) AS wavg, round(monthly_avg_dau, 4) AS mavg, round(dau_wau_stickiness, 4) AS dw, round(dau_mau_stickiness, 4) AS dm, round(wau_mau_stickiness, 4) AS wm,
      activity_trend_7d AS trend FROM growth_metrics`, 'event_date', [0, 2, 3, 7, 8, 9, 28, 29, 31, 99, 100, 120]);
    expect(got).toEqual({
      0: { dau: 2, growth: null, w7: 2, d28: 2, d30: 2, wavg: 2, mavg: 2, dw: 100, dm: 100, wm: 100, trend: 'Stable' },
      2: { dau: 2, growth: 0, w7: 3, d28: 3, d30: 3, wavg: 2, mavg: 2, dw: 66.6667, dm: 66.6667, wm: 100, trend: 'Stable' },
      3: { dau: 0, growth: -2, w7: 3, d28: 3, d30: 3, wavg: 1.5, mavg: 1.5, dw: 0, dm: 0, wm: 100, trend: 'Trending Down' },
      7: { dau: 0, growth: 0, w7: 3, d28: 3, d30: 3, wavg: 0.5714, mavg: 0.75, dw: 0, dm: 0, wm: 100, trend: 'Trending Down' },
      8: { dau: 0, growth: 0, w7: 2, d28: 3, d30: 3, wavg: 0.2857, mavg: 0.6667, dw: 0, dm: 0, wm: 66.6667, trend: 'Trending Down' },
      9: { dau: 1, growth: 1, w7: 1, d28: 4, d30: 4, wavg: 0.1429, mavg: 0.7, dw: 100, dm: 25, wm: 25, trend: 'Trending Up' },
      28: { dau: 0, growth: 0, w7: 0, d28: 5, d30: 5, wavg: 0, mavg: 0.2759, dw: null, dm: 0, wm: 0, trend: 'Stable' },
      29: { dau: 0, growth: 0, w7: 0, d28: 4, d30: 5, wavg: 0, mavg: 0.2667, dw: null, dm: 0, wm: 0, trend: 'Stable' },
      31: { dau: 0, growth: 0, w7: 0, d28: 2, d30: 4, wavg: 0, mavg: 0.1333, dw: null, dm: 0, wm: 0, trend: 'Stable' },
      99: { dau: 1, growth: 0, w7: 4, d28: 5, d30: 6, wavg: 0.5714, mavg: 0.2, dw: 25, dm: 16.6667, wm: 66.6667, trend: 'Trending Up' },
      100: { dau: 8, growth: 7, w7: 8, d28: 9, d30: 9, wavg: 1.4286, mavg: 0.4333, dw: 100, dm: 88.8889, wm: 88.8889, trend: 'Trending Up' },
      120: { dau: 1, growth: 0, w7: 1, d28: 10, d30: 10, wavg: 1, mavg: 0.7, dw: 100, dm: 10, wm: 10, trend: 'Stable' },
    });
  });

  it('gives the decomposition shares, the daily quick ratio and day-over-day retention', async () => {
    const got = await byDay(db, `SELECT event_date, round(new_users_pct, 4) AS np, round(retained_users_pct, 4) AS rp, round(resurrected_users_pct, 4) AS sp,
      daily_quick_ratio AS qr, round(day_over_day_retention_pct, 4) AS dod, daily_growth_quality AS q FROM growth_metrics`, 'event_date', [1, 3, 93, 100]);
    expect(got).toEqual({
      1: { np: 50, rp: 50, sp: 0, qr: 1, dod: 50, q: 'Healthy' },
      3: { np: null, rp: null, sp: null, qr: 0, dod: 0, q: 'Declining' },
      93: { np: 100, rp: 0, sp: 0, qr: 2, dod: 0, q: 'Strong' },
      100: { np: 0, rp: 12.5, sp: 87.5, qr: null, dod: 100, q: 'Unknown' },
    });
  });

  /**
   * Day 100 (8 active users), by days since each one's first active day: P2 2, P7 7, Q 1 -> new
   * stage (0-7); P8 8, P30 30 -> growing (8-30); P31 31, P90 90 -> established (31-90); P91 91
   * -> mature. Active the day before: Q (12.5 % -> Poor, Low Engagement). Back after 2-7 days:
   * P2, P7; after 8+ days: P8, P30, P31, P90, P91. Score = (1 x 3 + 2 x 2 + 5) / (8 x 3) = 50 %.
   * Day 2: A consecutive, B back after 2 days -> (3 + 2) / 6 = 83 %; 50 % Average, Moderate.
   * Day 114: R consecutive -> 100 %, Excellent, High Engagement. Day 3: nobody -> NULLs.
   */
  it('splits active users by lifecycle stage and recency with the seed\'s score and categories', async () => {
    const got = await byDay(db, `SELECT event_date, daily_active_users AS dau, new_stage_users AS n, growing_stage_users AS g, established_stage_users AS e, mature_stage_users AS m,
      users_consecutive_today AS c, round(consecutive_today_pct, 4) AS cp, returning_week_users AS w, returning_long_gap_users AS l, daily_retention_health_score AS score,
      retention_quality_category AS cat, engagement_trend AS trend FROM retention_quality_framework`, 'event_date', [2, 3, 100, 114]);
    expect(got).toEqual({
      2: { dau: 2, n: 2, g: 0, e: 0, m: 0, c: 1, cp: 50, w: 1, l: 0, score: 83, cat: 'Average', trend: 'Moderate Engagement' },
      3: { dau: 0, n: 0, g: 0, e: 0, m: 0, c: 0, cp: null, w: 0, l: 0, score: null, cat: null, trend: null },
      100: { dau: 8, n: 3, g: 2, e: 2, m: 1, c: 1, cp: 12.5, w: 2, l: 5, score: 50, cat: 'Poor', trend: 'Low Engagement' },
      114: { dau: 1, n: 1, g: 0, e: 0, m: 0, c: 1, cp: 100, w: 0, l: 0, score: 100, cat: 'Excellent', trend: 'High Engagement' },
    });
  });

  /**
   * Day 100: 7 resurrections of 8 active users: short (2-7 days) P2, P7; medium (8-30) P8, P30;
   * long (31-90) P31, P90; very long (> 90) P91. 87.5 % of DAU -> Excellent. Mean dormancy
   * (2 + 7 + 8 + 30 + 31 + 90 + 91) / 7 = 37. Effectiveness (2 x 1 + 2 x 2 + 2 x 3 + 1 x 4) / 8
   * = 200 %. long + very long 3 > short 2 -> Long-term Recovery. 7-day averages over days
   * 94-100: resurrections 7 / 7 = 1; the rate over the days with activity (98: 0 %, 99: 0 %,
   * 100: 87.5 %) = 29.17 %.
   * Day 2: B after 2 days -> 1 of 2 (50 %), Quick Return Focus. Day 55: T3 after 3 days and T20
   * after 20 -> short 1 = medium 1 -> Balanced Recovery. Day 1: No Resurrections, Poor.
   */
  it('groups resurrections by dormancy length with the seed\'s categories and patterns', async () => {
    const got = await byDay(db, `SELECT event_date, daily_active_users AS dau, total_resurrections AS t, short_dormancy_resurrections AS s, medium_dormancy_resurrections AS m,
      long_dormancy_resurrections AS l, very_long_dormancy_resurrections AS vl, round(resurrection_pct_of_dau, 4) AS pct, avg_dormancy_length AS avg_len,
      round(resurrection_effectiveness_score, 4) AS eff, resurrection_quality_category AS cat, resurrection_pattern AS pattern,
      round(avg_7d_resurrections, 4) AS avg7, round(avg_7d_resurrection_pct, 4) AS avg7pct FROM user_resurrection_analysis`, 'event_date', [1, 2, 55, 100]);
    expect(got).toEqual({
      1: { dau: 2, t: 0, s: 0, m: 0, l: 0, vl: 0, pct: 0, avg_len: null, eff: 0, cat: 'Poor', pattern: 'No Resurrections', avg7: 0, avg7pct: 0 },
      2: { dau: 2, t: 1, s: 1, m: 0, l: 0, vl: 0, pct: 50, avg_len: 2, eff: 50, cat: 'Excellent', pattern: 'Quick Return Focus', avg7: 0.3333, avg7pct: 16.6667 },
      55: { dau: 2, t: 2, s: 1, m: 1, l: 0, vl: 0, pct: 100, avg_len: 11.5, eff: 150, cat: 'Excellent', pattern: 'Balanced Recovery', avg7: 0.2857, avg7pct: 50 },
      100: { dau: 8, t: 7, s: 2, m: 2, l: 2, vl: 1, pct: 87.5, avg_len: 37, eff: 200, cat: 'Excellent', pattern: 'Long-term Recovery', avg7: 1, avg7pct: 29.1667 },
    });
  });

  /**
   * L28 as of 30 April: the window is 3 to 30 April (days 93 to 120). 15 users: A, B, C, T3, T20
   * never active in it (0 days); P91, P90, P31, P30, P8 (day 92 is outside) and S: 1 day; P7
   * (day 93 is inside), P2, Q: 2 days; R: 8 days (its day 121 is after the as-of date).
   */
  it('draws the L28 power-user curve over every user', async () => {
    const got = await rows(db, `SELECT days_active AS d, users AS u, round(share_of_users_pct, 4) AS s, round(share_of_active_users_pct, 4) AS a,
      strftime(window_start, '%Y-%m-%d') AS ws, strftime(window_end, '%Y-%m-%d') AS we FROM power_user_l28 ORDER BY days_active`);
    expect(got).toHaveLength(29);
    expect(got.filter((r) => r.u !== 0)).toEqual([
      { d: 0, u: 5, s: 33.3333, a: null, ws: '2024-04-03', we: '2024-04-30' },
      { d: 1, u: 6, s: 40, a: 60, ws: '2024-04-03', we: '2024-04-30' },
      { d: 2, u: 3, s: 20, a: 30, ws: '2024-04-03', we: '2024-04-30' },
      { d: 8, u: 1, s: 6.6667, a: 10, ws: '2024-04-03', we: '2024-04-30' },
    ]);
    expect(got[28]).toEqual({ d: 28, u: 0, s: 0, a: 0, ws: '2024-04-03', we: '2024-04-30' });
  });

  /**
   * ISO weeks (Mondays) from 1 January: week k holds days 7k to 7k + 6; the as-of date (a
   * Tuesday) is in week 17, which is partial.
   *   W0  A, B, C new                               W1  P91, P90 new; churned 3       QR 2/3
   *   W2  churned 2 (QR 0)    W3, W4 nothing         W5  T20 new
   *   W6  churned 1           W7  T3 new, T20 resurrected (previous week empty: retention NULL)
   *   W8  churned 2           W9  P31 new            W10 P30 new; churned 1 (P31)      QR 1
   *   W11 churned 1           W12 nothing            W13 P8, P7, S new
   *   W14 P2, Q new; P8, P7 retained; P91, P90, P31, P30 resurrected; churned 1 (S)   QR 6/1
   *   W15 churned 8           W16 R new              W17 R retained (partial)
   */
  it('runs the same accounting per ISO week, with the as-of week partial', async () => {
    const got = await rows(db, `SELECT datediff('week', DATE '${D0}', activity_week) AS w, is_partial_week AS p, total_wau AS wau, new_users AS n, retained_users AS r,
      resurrected_users AS s, churned_users AS c, round(retention_rate_pct, 4) AS rr, round(quick_ratio, 4) AS qr, growth_quality_category AS cat, verification_total AS v
      FROM social_capital_growth_accounting_weekly ORDER BY activity_week`);
    const line = (r: Record<string, unknown>) => `W${r.w} ${r.wau}=${r.n}+${r.r}+${r.s} churn ${r.c} rr ${r.rr} qr ${r.qr} ${r.cat}${r.v === r.wau ? '' : ' MISMATCH'}${r.p ? ' partial' : ''}`;
    expect(got.map(line)).toEqual([
      'W0 3=3+0+0 churn 0 rr null qr null Unknown',
      'W1 2=2+0+0 churn 3 rr 0 qr 0.6667 Declining',
      'W2 0=0+0+0 churn 2 rr 0 qr 0 Declining',
      'W3 0=0+0+0 churn 0 rr null qr null Unknown',
      'W4 0=0+0+0 churn 0 rr null qr null Unknown',
      'W5 1=1+0+0 churn 0 rr null qr null Unknown',
      'W6 0=0+0+0 churn 1 rr 0 qr 0 Declining',
      'W7 2=1+0+1 churn 0 rr null qr null Unknown',
      'W8 0=0+0+0 churn 2 rr 0 qr 0 Declining',
      'W9 1=1+0+0 churn 0 rr null qr null Unknown',
      'W10 1=1+0+0 churn 1 rr 0 qr 1 Healthy',
      'W11 0=0+0+0 churn 1 rr 0 qr 0 Declining',
      'W12 0=0+0+0 churn 0 rr null qr null Unknown',
      'W13 3=3+0+0 churn 0 rr null qr null Unknown',
      'W14 8=2+2+4 churn 1 rr 66.6667 qr 6 Strong',
      'W15 0=0+0+0 churn 8 rr 0 qr 0 Declining',
      'W16 1=1+0+0 churn 0 rr null qr null Unknown',
      'W17 1=0+1+0 churn 0 rr 100 qr null Unknown partial',
    ]);
  });
});
