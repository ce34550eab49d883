import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrowthRawTables, failingGrowthChecks, type GrowthEvent } from '../helpers/growthFixtures';
import { type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

/**
 * Worked example of the miles economy and the daily growth drivers, as of 2024-01-05.
 * U1 (organic), U2 (paid), U3 (referral):
 *   1 Jan  U1 earns 100 (Web) and 50 (iOS); U2 earns 30 and shares (Android); U3 likes and searches (Web)
 *   2 Jan  U1 redeems 100; U2 redeems 60 (Android; balance -30); U3 views a report
 *   3 Jan  U1 earns 60 and redeems 50
 *   4 Jan  no event
 *   5 Jan  U3 earns 100 and redeems 110 (balance -10)
 *   6 Jan  U2 earns 20: after the as-of date, not seen
 * Balances: U1 150 + 60 - 100 - 50 = 60, U2 -30, U3 -10; together 20 = the liability on 5 Jan.
 */
const EVENTS: GrowthEvent[] = [
  { id: 1, user: 'U1', at: '2024-01-01 09:00:00', type: 'miles_earned', miles: 100 },
  { id: 2, user: 'U1', at: '2024-01-01 10:00:00', type: 'miles_earned', miles: 50, platform: 'iOS' },
  { id: 3, user: 'U2', at: '2024-01-01 09:00:00', type: 'miles_earned', miles: 30, platform: 'Android', utm: 'paid' },
  { id: 4, user: 'U2', at: '2024-01-01 09:30:00', type: 'share', platform: 'Android', utm: 'paid' },
  { id: 5, user: 'U3', at: '2024-01-01 11:00:00', type: 'like', utm: 'referral' },
  { id: 6, user: 'U3', at: '2024-01-01 11:05:00', type: 'reward_search', utm: 'referral' },
  { id: 7, user: 'U1', at: '2024-01-02 09:00:00', type: 'miles_redeemed', miles: 100 },
  { id: 8, user: 'U2', at: '2024-01-02 09:00:00', type: 'miles_redeemed', miles: 60, platform: 'Android', utm: 'paid' },
  { id: 9, user: 'U3', at: '2024-01-02 09:00:00', utm: 'referral' },
  { id: 10, user: 'U1', at: '2024-01-03 09:00:00', type: 'miles_earned', miles: 60 },
  { id: 11, user: 'U1', at: '2024-01-03 09:30:00', type: 'miles_redeemed', miles: 50 },
  { id: 12, user: 'U3', at: '2024-01-05 09:00:00', type: 'miles_earned', miles: 100, utm: 'referral' },
  { id: 13, user: 'U3', at: '2024-01-05 09:30:00', type: 'miles_redeemed', miles: 110, utm: 'referral' },
  { id: 14, user: 'U2', at: '2024-01-06 09:00:00', type: 'miles_earned', miles: 20, platform: 'Android', utm: 'paid' },
];

describe('gold miles marts and growth drivers, worked example', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await createGrowthRawTables(db, EVENTS, '2024-01-05');
    expect(failingGrowthChecks(await runAll(db))).toEqual([]);
  });
  afterAll(() => db.close());

  /**
   *         earned redeemed net  earners redeemers  cumulative  liability  7-day avg (rounded)  ratio   health
   *   1 Jan   180      0     180   2 (3 tx)  0         180 / 0        180     180 / 0            NULL    Healthy Growth
   *   2 Jan     0    160    -160   0        2 (2 tx)   180 / 160       20      90 / 80            0       High Redemption
   *   3 Jan    60     50      10   1        1          240 / 210       30      80 / 70            1.2     Stable (60 is not > 50 x 1.2)
   *   4 Jan     0      0       0   0        0          240 / 210       30      60 / 52.5 -> 53    NULL    Balanced
   *   5 Jan   100    110     -10   1        1          340 / 320       20      68 / 64            0.9091  Balanced (110 is not > 120)
   */
  it('tracks miles earned against redeemed, the running liability and the economy health', async () => {
    const got = await rows(db, `SELECT strftime(event_date, '%d') AS d, daily_miles_earned AS e, daily_miles_redeemed AS r, net_miles_change AS net, users_earning AS ue,
      users_redeeming AS ur, earning_transactions AS et, redeeming_transactions AS rt, cumulative_miles_earned AS ce, cumulative_miles_redeemed AS cr,
      outstanding_miles_liability AS liab, avg_7d_miles_earned AS ae, avg_7d_miles_redeemed AS ar, round(miles_earn_redeem_ratio, 4) AS ratio, miles_economy_health AS health
      FROM miles_analytics ORDER BY event_date`);
    expect(got).toEqual([
      { d: '01', e: 180, r: 0, net: 180, ue: 2, ur: 0, et: 3, rt: 0, ce: 180, cr: 0, liab: 180, ae: 180, ar: 0, ratio: null, health: 'Healthy Growth' },
      { d: '02', e: 0, r: 160, net: -160, ue: 0, ur: 2, et: 0, rt: 2, ce: 180, cr: 160, liab: 20, ae: 90, ar: 80, ratio: 0, health: 'High Redemption' },
      { d: '03', e: 60, r: 50, net: 10, ue: 1, ur: 1, et: 1, rt: 1, ce: 240, cr: 210, liab: 30, ae: 80, ar: 70, ratio: 1.2, health: 'Stable' },
      { d: '04', e: 0, r: 0, net: 0, ue: 0, ur: 0, et: 0, rt: 0, ce: 240, cr: 210, liab: 30, ae: 60, ar: 53, ratio: null, health: 'Balanced' },
      { d: '05', e: 100, r: 110, net: -10, ue: 1, ur: 1, et: 1, rt: 1, ce: 340, cr: 320, liab: 20, ae: 68, ar: 64, ratio: 0.9091, health: 'Balanced' },
    ]);
  });

  it('flags the users whose balance is negative, with a deterministic timestamp', async () => {
    const got = await rows(db, `SELECT user_id, strftime(first_seen_at, '%d %H:%M') AS first, strftime(last_seen_at, '%d %H:%M') AS last, total_miles_earned AS e,
      total_miles_redeemed AS r, current_miles_balance AS b, negative_amount AS neg, strftime(flagged_at, '%Y-%m-%d %H:%M:%S.%f') AS flagged FROM users_with_negative_miles`);
    expect(got).toEqual([
      { user_id: 'U2', first: '01 09:00', last: '02 09:00', e: 30, r: 60, b: -30, neg: 30, flagged: '2024-01-05 23:59:59.999999' },
      { user_id: 'U3', first: '01 11:00', last: '05 09:30', e: 100, r: 110, b: -10, neg: 10, flagged: '2024-01-05 23:59:59.999999' },
    ]);
  });

  /**
   * 1 Jan: 3 active users, 6 events. Earners U1, U2 (66.67 %), no redeemer; one share (U2), one
   * like and one search (U3): 33.33 % each; social (shared or liked) U2 and U3: 66.67 % -> High
   * Social. Platforms: iOS U1 (1 event), Android U2 (2 events), Web U1 and U3 (3 events): 1/3,
   * 1/3 and 2/3 of the users; events per user 1, 2 and 1.5. New users: U1 organic, U2 paid, U3
   * referral. Feature adoption 0.3 x 66.67 + 0.2 x 0 + (0.2 + 0.15 + 0.15) x 33.33 = 36.67 -> 37.
   * 2 Jan: 3 users, 3 events; U1 and U2 redeem (66.67 %), nobody social (Low Social); Web U1 and
   * U3, Android U2, no iOS user (events per user NULL); adoption 0.2 x 66.67 -> 13; 7-day
   * averages (180 + 0) / 2 = 90 miles and (2 + 0) / 2 = 1 social action.
   * 4 Jan: nobody active: shares, adoption and social level NULL, economy Balanced; averages
   * over 4 days: 240 / 4 = 60 miles, 2 / 4 = 0.5 actions.
   */
  it('summarises the daily drivers: miles, social engagement, platforms, channels and adoption', async () => {
    const got = await rows(db, `SELECT strftime(event_date, '%d') AS d, daily_active_users AS dau, total_daily_events AS ev, daily_miles_earned AS e, daily_miles_redeemed AS r,
      net_miles_change AS net, users_earning_miles AS ue, users_redeeming_miles AS ur, miles_earning_events AS ee, miles_redemption_events AS re,
      round(miles_earn_redeem_ratio, 4) AS ratio, round(earning_user_pct, 2) AS ep, round(redeeming_user_pct, 2) AS rp,
      daily_shares AS sh, daily_likes AS li, daily_searches AS se, users_sharing AS us, users_liking AS ul, users_searching AS use,
      round(sharing_user_pct, 2) AS shp, round(liking_user_pct, 2) AS lip, round(searching_user_pct, 2) AS sep, round(social_user_pct, 2) AS soc,
      ios_users AS ios, android_users AS android, web_users AS web, round(ios_user_pct, 2) AS iosp, round(android_user_pct, 2) AS andp, round(web_user_pct, 2) AS webp,
      ios_events_per_user AS iose, android_events_per_user AS ande, web_events_per_user AS webe,
      new_organic_users AS no, new_paid_users AS np, new_social_users AS ns, new_referral_users AS nr, total_new_users AS nt,
      miles_economy_health AS health, social_engagement_level AS social, feature_adoption_score AS adoption, avg_7d_miles_earned AS am, avg_7d_social_actions AS asa,
      strftime(calculated_at, '%Y-%m-%d %H:%M:%S') AS at
      FROM growth_drivers WHERE day(event_date) IN (1, 2, 4) ORDER BY event_date`);
    expect(got).toEqual([
      {
        d: '01', dau: 3, ev: 6, e: 180, r: 0, net: 180, ue: 2, ur: 0, ee: 3, re: 0, ratio: null, ep: 66.67, rp: 0,
        sh: 1, li: 1, se: 1, us: 1, ul: 1, use: 1, shp: 33.33, lip: 33.33, sep: 33.33, soc: 66.67,
        ios: 1, android: 1, web: 2, iosp: 33.33, andp: 33.33, webp: 66.67, iose: 1, ande: 2, webe: 1.5,
        no: 1, np: 1, ns: 0, nr: 1, nt: 3, health: 'Healthy Growth', social: 'High Social', adoption: 37, am: 180, asa: 2, at: '2024-01-05 23:59:59',
      },
      {
        d: '02', dau: 3, ev: 3, e: 0, r: 160, net: -160, ue: 0, ur: 2, ee: 0, re: 2, ratio: 0, ep: 0, rp: 66.67,
        sh: 0, li: 0, se: 0, us: 0, ul: 0, use: 0, shp: 0, lip: 0, sep: 0, soc: 0,
        ios: 0, android: 1, web: 2, iosp: 0, andp: 33.33, webp: 66.67, iose: null, ande: 1, webe: 1,
        no: 0, np: 0, ns: 0, nr: 0, nt: 0, health: 'High Redemption', social: 'Low Social', adoption: 13, am: 90, asa: 1, at: '2024-01-05 23:59:59',
      },
      {
        d: '04', dau: 0, ev: 0, e: 0, r: 0, net: 0, ue: 0, ur: 0, ee: 0, re: 0, ratio: null, ep: null, rp: null,
        sh: 0, li: 0, se: 0, us: 0, ul: 0, use: 0, shp: null, lip: null, sep: null, soc: null,
        ios: 0, android: 0, web: 0, iosp: null, andp: null, webp: null, iose: null, ande: null, webe: null,
        no: 0, np: 0, ns: 0, nr: 0, nt: 0, health: 'Balanced', social: null, adoption: null, am: 60, asa: 0.5, at: '2024-01-05 23:59:59',
      },
    ]);
  });
});
