import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { activityEvents, failingGrowthChecks } from '../helpers/growthFixtures';
import { type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';
import { createRawTables, type FixtureEvent } from '../helpers/rawFixtures';

/**
 * Worked example of monthly growth accounting (Social Capital), as of 2024-06-15 (June partial).
 * Active months of each user:
 *          Jan Feb Mar Apr May Jun
 *   A       x   x   x   x   x   x    (+ an event on 20 Jun, after the as-of date: not seen)
 *   B       x   .   x   .   .   x    (resurrected in March and again in June)
 *   C       .   x   x   .   .   .    (29 Feb 23:59:59 and 1 Mar 00:00:00: the month boundary)
 *   D       .   x   .   .   x   .    (resurrected in May after a two-month gap)
 *   E       .   .   .   x   x   .
 *   F       .   .   .   .   .   x    (+ an event on 2 Jul: after the as-of date, no July row)
 * By hand (new / retained / resurrected; churned = active last month, not this one):
 *   Jan  MAU 2 = 2 new (A, B)                            churned 0         QR NULL
 *   Feb  MAU 3 = 2 new (C, D) + 1 retained (A)           churned 1 (B)     QR 2/1 = 2.0
 *   Mar  MAU 3 = 2 retained (A, C) + 1 resurrected (B)   churned 1 (D)     QR 1/1 = 1.0
 *   Apr  MAU 2 = 1 new (E) + 1 retained (A)              churned 2 (B, C)  QR 1/2 = 0.5
 *   May  MAU 3 = 2 retained (A, E) + 1 resurrected (D)   churned 0         QR NULL (zero churn)
 *   Jun  MAU 3 = 1 new (F) + 1 retained (A) + 1 res. (B) churned 2 (D, E)  QR 2/2 = 1.0 (partial)
 * Retention = retained / previous MAU: Feb 1/2 = 50 %, Mar 2/3, Apr 1/3, May 2/2 = 100 %, Jun 1/3.
 * verification_total = new + retained + resurrected = MAU every month.
 */
const EVENTS: FixtureEvent[] = [
  ...activityEvents({
    A: ['2024-01-05', '2024-02-05', '2024-03-05', '2024-04-05', '2024-05-05', '2024-06-05', '2024-06-20'],
    B: ['2024-01-10', '2024-03-10', '2024-06-10'],
    D: ['2024-02-20', '2024-05-20'],
    E: ['2024-04-25', '2024-05-25'],
    F: ['2024-06-14', '2024-07-02'],
  }),
  { id: 101, user: 'C', at: '2024-02-29 23:59:59' },
  { id: 102, user: 'C', at: '2024-03-01 00:00:00' },
];

const n = (v: unknown) => (v === null ? null : Math.round((v as number) * 10_000) / 10_000);

describe('gold social_capital_growth_accounting (monthly), worked example', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await createRawTables(db, EVENTS, '2024-06-15');
    expect(failingGrowthChecks(await runAll(db))).toEqual([]);
  });
  afterAll(() => db.close());

  it('decomposes MAU into new, retained and resurrected users, with churn, retention and the quick ratio', async () => {
    const got = await rows(db, `SELECT strftime(activity_month, '%m') AS m, is_partial_month AS partial, total_mau AS mau, new_users AS new,
      retained_users AS ret, resurrected_users AS res, churned_users AS churn, retention_rate_pct AS rr, quick_ratio AS qr,
      growth_quality_category AS cat, verification_total AS ver, strftime(calculated_at, '%Y-%m-%d %H:%M:%S.%f') AS at
      FROM social_capital_growth_accounting ORDER BY activity_month`);
    expect(got.map((r) => ({ ...r, rr: n(r.rr), qr: n(r.qr) }))).toEqual([
      { m: '01', partial: false, mau: 2, new: 2, ret: 0, res: 0, churn: 0, rr: null, qr: null, cat: 'Unknown', ver: 2, at: '2024-06-15 23:59:59.999999' },
      { m: '02', partial: false, mau: 3, new: 2, ret: 1, res: 0, churn: 1, rr: 50, qr: 2, cat: 'Strong', ver: 3, at: '2024-06-15 23:59:59.999999' },
      { m: '03', partial: false, mau: 3, new: 0, ret: 2, res: 1, churn: 1, rr: 66.6667, qr: 1, cat: 'Healthy', ver: 3, at: '2024-06-15 23:59:59.999999' },
      { m: '04', partial: false, mau: 2, new: 1, ret: 1, res: 0, churn: 2, rr: 33.3333, qr: 0.5, cat: 'Declining', ver: 2, at: '2024-06-15 23:59:59.999999' },
      { m: '05', partial: false, mau: 3, new: 0, ret: 2, res: 1, churn: 0, rr: 100, qr: null, cat: 'Unknown', ver: 3, at: '2024-06-15 23:59:59.999999' },
      { m: '06', partial: true, mau: 3, new: 1, ret: 1, res: 1, churn: 2, rr: 33.3333, qr: 1, cat: 'Healthy', ver: 3, at: '2024-06-15 23:59:59.999999' },
    ]);
  });

  it('shows the same months as a PostHog lifecycle, dormant users negative', async () => {
    const got = await rows(db, `SELECT strftime(activity_month, '%m') AS m, is_partial_month AS partial, new_users AS new, returning_users AS returning,
      resurrecting_users AS resurrecting, dormant_users AS dormant, active_users AS active FROM user_lifecycle ORDER BY activity_month`);
    expect(got).toEqual([
      { m: '01', partial: false, new: 2, returning: 0, resurrecting: 0, dormant: 0, active: 2 },
      { m: '02', partial: false, new: 2, returning: 1, resurrecting: 0, dormant: -1, active: 3 },
      { m: '03', partial: false, new: 0, returning: 2, resurrecting: 1, dormant: -1, active: 3 },
      { m: '04', partial: false, new: 1, returning: 1, resurrecting: 0, dormant: -2, active: 2 },
      { m: '05', partial: false, new: 0, returning: 2, resurrecting: 1, dormant: 0, active: 3 },
      { m: '06', partial: true, new: 1, returning: 1, resurrecting: 1, dormant: -2, active: 3 },
    ]);
  });

  /**
   * quick_ratio_analysis by hand from the months above (3-month average over the non-NULL
   * ratios of the month and the two before; score = min(100, QR x 50)):
   *   Jan  QR NULL: OK; no score or benchmarks; new users 2 -> Optimize current growth strategy
   *   Feb  QR 2.0, avg 2.0: OK; 100; retention 50 % Average; Top Tier; retention < 60 -> Optimize
   *   Mar  QR 1.0 after 2.0, avg 1.5: dropped below 1.2; 50; 66.7 % Good; Healthy; no new users -> Restart
   *   Apr  QR 0.5, avg (2 + 1 + 0.5) / 3: CRITICAL (churn 2 > 1.5 x 1 too, CRITICAL wins); 25; 33.3 % Below Average; Critical; Focus on churn
   *   May  QR NULL, avg (1 + 0.5) / 2 = 0.75: OK; 100 % Excellent; no new users -> Restart
   *   Jun  QR 1.0 after NULL, avg (0.5 + 1) / 2 = 0.75: OK; 50; 33.3 % Below Average; Healthy; retention < 40 -> Improve stickiness
   * Every month is within 6 months of the first one: Early Stage.
   */
  it('classifies each month with the seed 002 alerts, benchmarks, stage and recommendation', async () => {
    const got = await rows(db, `SELECT strftime(activity_month, '%m') AS m, quick_ratio AS qr, quick_ratio_3mo_avg AS avg3, alert_level AS alert, growth_quality_score AS score,
      retention_benchmark AS rb, quick_ratio_benchmark AS qb, business_stage AS stage, strategic_recommendation AS rec, months_since_start AS months
      FROM quick_ratio_analysis ORDER BY activity_month`);
    expect(got.map((r) => ({ ...r, avg3: n(r.avg3) }))).toEqual([
      { m: '01', qr: null, avg3: null, alert: 'OK', score: null, rb: null, qb: null, stage: 'Early Stage', rec: 'Optimize current growth strategy', months: 0 },
      { m: '02', qr: 2, avg3: 2, alert: 'OK', score: 100, rb: 'Average (40-60%)', qb: 'Top Tier (2.0+)', stage: 'Early Stage', rec: 'Optimize current growth strategy', months: 1 },
      { m: '03', qr: 1, avg3: 1.5, alert: 'WARNING: Quick Ratio Dropped Below 1.2', score: 50, rb: 'Good (60-80%)', qb: 'Healthy (1.0-1.5)', stage: 'Early Stage', rec: 'Restart user acquisition efforts', months: 2 },
      { m: '04', qr: 0.5, avg3: 1.1667, alert: 'CRITICAL: Quick Ratio Below 1.0', score: 25, rb: 'Below Average (20-40%)', qb: 'Critical (<0.8)', stage: 'Early Stage', rec: 'Focus on reducing churn before growth', months: 3 },
      { m: '05', qr: null, avg3: 0.75, alert: 'OK', score: null, rb: 'Excellent (80%+)', qb: null, stage: 'Early Stage', rec: 'Restart user acquisition efforts', months: 4 },
      { m: '06', qr: 1, avg3: 0.75, alert: 'OK', score: 50, rb: 'Below Average (20-40%)', qb: 'Healthy (1.0-1.5)', stage: 'Early Stage', rec: 'Improve product stickiness and onboarding', months: 5 },
    ]);
  });

  it('has no partial month when the as-of date is a month end, and no month after it', async () => {
    await createRawTables(db, EVENTS, '2024-05-31');
    await runAll(db);
    const got = await rows(db, `SELECT strftime(activity_month, '%m') AS m, is_partial_month AS partial, total_mau AS mau, churned_users AS churn FROM social_capital_growth_accounting ORDER BY 1`);
    expect(got.map((r) => `${r.m}:${r.mau}/${r.churn}${r.partial ? ' partial' : ''}`)).toEqual(['01:2/0', '02:3/1', '03:3/1', '04:2/2', '05:3/0']);
  });
});

/**
 * The seed's rules, table-driven: quick_ratio_analysis's SQL run on a hand-written monthly
 * growth accounting, to reach every alert, benchmark boundary and stage (26 months).
 *   m0   QR NULL (first month)                -> OK, no score, Early Stage (0 months)
 *   m1   QR 2.0, retention 80                 -> OK; 100; Excellent; Top Tier; Invest heavily
 *   m2   QR 1.5 (change -0.5), retention 60   -> Declined >0.3; 75; Good; Strong; Invest heavily (both limits inclusive)
 *   m3   QR 1.2 (change exactly -0.3), 40     -> OK (not below 1.2, not below -0.3); 60; Average; Healthy; Optimize
 *   m4   QR 1.0 after 1.2, retention 20       -> Dropped below 1.2; 50; Below Average; Healthy; Improve stickiness
 *   m5   QR 0.8, retention 19.9, no new users -> CRITICAL; 40; Poor; Concerning; Focus on churn; Early Stage (5)
 *   m6   QR 0.6, churn 5 > 1.5 x 3            -> CRITICAL (the churn warning is implied); 30; Average; Critical (<0.8); Growth Stage (6)
 *   m7   QR NULL, no new users, retention 70  -> OK; Good; Restart user acquisition efforts
 *   m8..m23 QR 1.0, retention 50              -> OK (m8: no previous ratio); Optimize current growth strategy
 *   m24  Growth Stage (24 months); m25 Mature Stage (25 months)
 * 3-month averages skip NULLs: m1 2.0, m2 (2 + 1.5) / 2 = 1.75, m3 (2 + 1.5 + 1.2) / 3, m7 (0.8 + 0.6) / 2 = 0.7.
 */
describe('gold quick_ratio_analysis rules', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  it('reaches every alert level, benchmark boundary, stage and recommendation as the seed defines them', async () => {
    // month index, new, resurrected, churned, retention_rate_pct
    const months: [number, number, number, number, number | null][] = [
      [0, 10, 0, 0, null], [1, 8, 2, 5, 80], [2, 6, 0, 4, 60], [3, 5, 1, 5, 40], [4, 4, 0, 4, 20], [5, 0, 4, 5, 19.9], [6, 0, 3, 5, 50], [7, 0, 2, 0, 70],
      ...Array.from({ length: 18 }, (_, i): [number, number, number, number, number] => [8 + i, 1, 0, 1, 50]),
    ];
    const values = months.map(([m, nw, res, churn, rr]) =>
      `(CAST(DATE '2024-01-01' + INTERVAL ${m} MONTH AS DATE), ${m === 25}, CAST(${nw} + ${res} AS DOUBLE) / nullif(${churn}, 0), ${nw}, ${res}, ${churn}, ${rr ?? 'NULL'})`);
    await db.exec(`CREATE OR REPLACE TABLE social_capital_growth_accounting AS SELECT * FROM (VALUES ${values.join(', ')})
      AS t(activity_month, is_partial_month, quick_ratio, new_users, resurrected_users, churned_users, retention_rate_pct)`);
    const model = SQL_MODELS.find((m) => m.name === 'quick_ratio_analysis')!;
    const got = await rows(db, `SELECT months_since_start AS m, is_partial_month AS partial, round(quick_ratio_3mo_avg, 4) AS avg3, alert_level AS alert, growth_quality_score AS score,
      retention_benchmark AS rb, quick_ratio_benchmark AS qb, business_stage AS stage, strategic_recommendation AS rec FROM (${model.sql}) ORDER BY m`);
    const line = (r: Record<string, unknown>) => [r.m, r.avg3, r.alert, r.score, r.rb, r.qb, r.stage, r.rec].join(' | ') + (r.partial ? ' | partial' : '');
    const filler = (m: number, stage: string, alert = 'OK') => `${m} | 1 | ${alert} | 50 | Average (40-60%) | Healthy (1.0-1.5) | ${stage} | Optimize current growth strategy`;
    expect(got.map(line)).toEqual([
      '0 |  | OK |  |  |  | Early Stage | Optimize current growth strategy',
      '1 | 2 | OK | 100 | Excellent (80%+) | Top Tier (2.0+) | Early Stage | Invest heavily in user acquisition',
      '2 | 1.75 | WARNING: Quick Ratio Declined >0.3 Points | 75 | Good (60-80%) | Strong (1.5-2.0) | Early Stage | Invest heavily in user acquisition',
      '3 | 1.5667 | OK | 60 | Average (40-60%) | Healthy (1.0-1.5) | Early Stage | Optimize current growth strategy',
      '4 | 1.2333 | WARNING: Quick Ratio Dropped Below 1.2 | 50 | Below Average (20-40%) | Healthy (1.0-1.5) | Early Stage | Improve product stickiness and onboarding',
      '5 | 1 | CRITICAL: Quick Ratio Below 1.0 | 40 | Poor (<20%) | Concerning (0.8-1.0) | Early Stage | Focus on reducing churn before growth',
      '6 | 0.8 | CRITICAL: Quick Ratio Below 1.0 | 30 | Average (40-60%) | Critical (<0.8) | Growth Stage | Focus on reducing churn before growth',
      '7 | 0.7 | OK |  | Good (60-80%) |  | Growth Stage | Restart user acquisition efforts',
      // m8: (0.6 + 1) / 2 = 0.8 (m7 is NULL); m9: (1 + 1) / 2 = 1 (m7 NULL); from m10 on: 1.
      filler(8, 'Growth Stage').replace('| 1 |', '| 0.8 |'),
      ...Array.from({ length: 15 }, (_, i) => filler(9 + i, 'Growth Stage')),
      filler(24, 'Growth Stage'),
      `${filler(25, 'Mature Stage')} | partial`,
    ]);
  });
});
