import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFilters, NO_FILTERS } from '../../src/pipeline/filters';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { addAccounts, addChanges, addDays, type Change, paying } from '../helpers/churnFixtures';
import { type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';
import { createEmptyRawTables } from '../helpers/rawFixtures';
import { chiSquareSurvival, sqlBlock, Z } from '../helpers/statistics';

interface Subject {
  t: number;
  event: 0 | 1;
}

interface KmRow {
  t: number;
  n: number;
  d: number;
  c: number;
  s: number;
  se: number | null;
  lower: number;
  upper: number;
}

/** Kaplan-Meier with Greenwood's variance and the log-log band, in plain TypeScript. */
function kaplanMeier(subjects: Subject[]): KmRow[] {
  const times = [...new Set(subjects.map((x) => x.t))].sort((a, b) => a - b);
  let s = 1;
  let greenwood = 0;
  return times.map((t) => {
    const n = subjects.filter((x) => x.t >= t).length;
    const d = subjects.filter((x) => x.t === t && x.event === 1).length;
    const c = subjects.filter((x) => x.t === t && x.event === 0).length;
    s *= 1 - d / n;
    if (d < n) greenwood += d / (n * (n - d));
    const sigma = s > 0 && s < 1 ? Math.sqrt(greenwood) / Math.abs(Math.log(s)) : 0;
    return { t, n, d, c, s, se: s > 0 ? s * Math.sqrt(greenwood) : null, lower: s ** Math.exp(Z * sigma), upper: s ** Math.exp(-Z * sigma) };
  });
}

/** The k-group log-rank statistic, with V^-1 by Gauss-Jordan elimination, in TypeScript. */
function logRank(groups: Subject[][]): { observed: number[]; expected: number[]; chiSquare: number } {
  const k = groups.length;
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const v = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const times = [...new Set(groups.flat().filter((x) => x.event === 1).map((x) => x.t))].sort((a, b) => a - b);
  for (const t of times) {
    const n = groups.map((g) => g.filter((x) => x.t >= t).length);
    const d = groups.map((g) => g.filter((x) => x.t === t && x.event === 1).length);
    const nAll = n.reduce((a, b) => a + b, 0);
    const dAll = d.reduce((a, b) => a + b, 0);
    const factor = nAll > 1 ? (dAll * (nAll - dAll)) / (nAll - 1) : 0;
    for (let i = 0; i < k; i++) {
      observed[i]! += d[i]!;
      expected[i]! += (dAll * n[i]!) / nAll;
      for (let j = 0; j < k; j++) v[i]![j]! += factor * (n[i]! / nAll) * ((i === j ? 1 : 0) - n[j]! / nAll);
    }
  }
  // Solve V y = O - E over the first k - 1 groups, then chi-square = (O - E) . y.
  const m = k - 1;
  const a = Array.from({ length: m }, (_, i) => [...v[i]!.slice(0, m), observed[i]! - expected[i]!]);
  for (let p = 0; p < m; p++) {
    for (let r = 0; r < m; r++) {
      if (r === p) continue;
      const f = a[r]![p]! / a[p]![p]!;
      for (let c = p; c <= m; c++) a[r]![c]! -= f * a[p]![c]!;
    }
  }
  let chiSquare = 0;
  for (let i = 0; i < m; i++) chiSquare += (observed[i]! - expected[i]!) * (a[i]![m]! / a[i]![i]!);
  return { observed, expected, chiSquare };
}

describe('the chi-square survival function of survival_logrank.sql', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  const pValues = async (cases: [number, number][]) => {
    const values = cases.map(([x, k]) => `(${x}::DOUBLE, ${k})`).join(', ');
    const out = await rows(db, `WITH stat AS (SELECT * FROM (VALUES ${values}) AS v(chi_square, degrees_of_freedom)),
      ${sqlBlock('sql/gold/survival_logrank.sql', 'chi_square_sf')} SELECT p_value FROM chi_square_sf`);
    return out.map((r) => r.p_value as number);
  };

  it('gives the published critical values of the chi-square table', async () => {
    // Critical values (rounded to 3 decimals in the tables) and their upper-tail probabilities.
    const table: [number, number, number][] = [
      [3.841, 1, 0.05], [6.635, 1, 0.01], [10.828, 1, 0.001],
      [5.991, 2, 0.05], [9.21, 2, 0.01], [13.816, 2, 0.001],
      [7.815, 3, 0.05], [11.345, 3, 0.01], [16.266, 3, 0.001],
      [9.488, 4, 0.05], [11.07, 5, 0.05], [2.706, 1, 0.1], [0.455, 1, 0.5],
    ];
    const p = await pValues(table.map(([x, k]) => [x, k]));
    table.forEach(([x, k, alpha], i) => expect(Math.abs(p[i]! - alpha) / alpha, `chi2=${x}, df=${k}`).toBeLessThan(0.002));
  });

  it('agrees with numerical integration of the density, far into the tail, and gives 1 at 0', async () => {
    const cases: [number, number][] = [[0.5808821040517217, 1], [8.101000539358576, 2], [1.2, 3], [30, 1], [60, 3], [0.01, 1]];
    const p = await pValues(cases);
    cases.forEach(([x, k], i) => expect(Math.abs(p[i]! - chiSquareSurvival(x, k)) / chiSquareSurvival(x, k), `chi2=${x}, df=${k}`).toBeLessThan(1e-6));
    // df = 2 has the exact form exp(-x / 2).
    expect((await pValues([[8.101000539358576, 2]]))[0]).toBeCloseTo(Math.exp(-8.101000539358576 / 2), 12);
    expect(await pValues([[0, 1], [0, 3]])).toEqual([1, 1]);
  });

  it('the numerical integration itself reproduces the table', () => {
    expect(chiSquareSurvival(3.841, 1)).toBeCloseTo(0.05, 3);
    expect(chiSquareSurvival(7.815, 3)).toBeCloseTo(0.05, 3);
    expect(chiSquareSurvival(9.21, 2)).toBeCloseTo(0.01, 4);
  });
});

/**
 * Worked example, as of 2024-12-31. Durations are days from sign-up to the cancellation
 * (event) or to the as-of date (censored, +):
 *   starter (EU):    10, 20, 20, 25+, 30, 40+
 *   enterprise (EU): 15, 35+, 50+
 *   growth (NA):     5, 12
 *   pro (APAC):      3+ (never at risk on a churn day)
 * plus one account whose trial expired (never paid: not in the survival table).
 *
 * Kaplan-Meier, starter:  t   n  d  c   S(t)
 *                         10  6  1  0   5/6 = 0.8333
 *                         20  5  2  0   5/6 x 3/5 = 0.5   <- median (S <= 0.5 first at 20)
 *                         25  3  0  1   0.5
 *                         30  2  1  0   0.25
 *                         40  1  0  1   0.25
 *   Greenwood sums 1/30, 1/30 + 2/15 = 1/6, 1/6, 1/6 + 1/2 = 2/3, 2/3: SE at 10 = 5/6 sqrt(1/30) = 0.1521,
 *   at 20 = 0.5 sqrt(1/6) = 0.2041. Log-log band at 10: (5/6)^exp(+-1.96 sqrt(1/30) / |ln 5/6|) = [0.2731, 0.9747].
 * enterprise: S = 2/3 from 15 on, never <= 0.5: median NULL.
 * growth: S(5) = 1/2 (median 5), S(12) = 0: SE NULL, band [0, 0].
 * pro: one censored account, S(3) = 1, band [1, 1], no median.
 *
 * Log-rank, starter vs enterprise (the EU accounts): churn days 10, 15, 20, 30.
 *   t   n_S n_E  d  E_S = d n_S / n        V = d (n - d) / (n - 1) n_S n_E / n^2
 *   10   6   3   1  6/9  = 0.6667          1 x 1 x 18/81 = 0.2222
 *   15   5   3   1  5/8  = 0.6250          15/64 = 0.2344
 *   20   5   2   2  10/7 = 1.4286          2 x 5/6 x 10/49 = 0.3401
 *   30   2   2   1  2/4  = 0.5             4/16 = 0.25
 *   O_S = 4, E_S = 3.2202, V = 1.0467: chi-square = 0.7798^2 / 1.0467 = 0.5809, df 1, p = 0.4460.
 * All tiers: O = 4, 2, 1; E = 4.2546, 0.3929, 2.3525; chi-square 8.1010 with 2 df,
 * p = exp(-8.101 / 2) = 0.0174. Pro expects no churn (O = E = 0): it is left out of the
 * statistic and of the degrees of freedom, as R's survdiff does.
 */
const AS_OF = '2024-12-31';
const SUBJECTS: { id: string; tier: string; t: number; event: 0 | 1; region: string }[] = [
  { id: 'S1', tier: 'starter', t: 10, event: 1, region: 'EU' },
  { id: 'S2', tier: 'starter', t: 20, event: 1, region: 'EU' },
  { id: 'S3', tier: 'starter', t: 20, event: 1, region: 'EU' },
  { id: 'S4', tier: 'starter', t: 25, event: 0, region: 'EU' },
  { id: 'S5', tier: 'starter', t: 30, event: 1, region: 'EU' },
  { id: 'S6', tier: 'starter', t: 40, event: 0, region: 'EU' },
  { id: 'E1', tier: 'enterprise', t: 15, event: 1, region: 'EU' },
  { id: 'E2', tier: 'enterprise', t: 35, event: 0, region: 'EU' },
  { id: 'E3', tier: 'enterprise', t: 50, event: 0, region: 'EU' },
  { id: 'G1', tier: 'growth', t: 5, event: 1, region: 'NA' },
  { id: 'G2', tier: 'growth', t: 12, event: 1, region: 'NA' },
  { id: 'P1', tier: 'pro', t: 3, event: 0, region: 'APAC' },
];
const byTier = (tier: string) => SUBJECTS.filter((s) => s.tier === tier);
const MY_MODELS = ['customer_lifecycle', 'survival_table', 'survival_km', 'survival_summary', 'survival_logrank'];
const sqlOf = (name: string) => SQL_MODELS.find((m) => m.name === name)!.sql;

describe('survival marts, worked example', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await createEmptyRawTables(db, AS_OF);
    // Churned accounts sign up on 1 March and cancel t days later; censored ones sign up t days before the as-of date.
    const signup = (s: (typeof SUBJECTS)[number]) => (s.event === 1 ? '2024-03-01' : addDays(AS_OF, -s.t));
    await addAccounts(db, [...SUBJECTS.map((s) => ({ id: s.id, signup: `${signup(s)} 08:00:00`, region: s.region })), { id: 'X1', signup: '2024-05-01 08:00:00' }]);
    const changes: Change[] = SUBJECTS.flatMap((s) =>
      paying(s.id, `plan_${s.tier}`, 10, `${signup(s)} 09:00:00`, s.event === 1 ? `${addDays(signup(s), s.t)} 12:00:00` : undefined),
    );
    changes.push(
      { customer: 'X1', at: '2024-05-01 08:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_growth', seats: 2 },
      { customer: 'X1', at: '2024-05-15 08:00:00', type: 'trial_expired', from: 'plan_growth', to: 'plan_free', seats: 1 },
    );
    await addChanges(db, changes);
    await runAll(db);
  });
  afterAll(() => db.close());

  it('builds the survival table from sign-up, cancellation and the as-of date, without accounts that never paid', async () => {
    const table = await rows(db, 'SELECT customer_id AS id, plan_tier AS tier, duration_days AS t, event FROM survival_table ORDER BY customer_id');
    expect(table).toEqual(SUBJECTS.map(({ id, tier, t, event }) => ({ id, tier, t, event })).sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('computes Kaplan-Meier S(t), Greenwood standard errors and log-log bands per tier', async () => {
    const km = await rows(db, 'SELECT plan_tier AS tier, t, n_at_risk AS n, events AS d, censored AS c, survival AS s, std_error AS se, lower_95 AS lower, upper_95 AS upper, is_median FROM survival_km ORDER BY plan_tier, t');
    // Hand-worked values of the comment above.
    const starter = km.filter((r) => r.tier === 'starter');
    expect(starter.map((r) => [r.t, r.n, r.d, r.c])).toEqual([[10, 6, 1, 0], [20, 5, 2, 0], [25, 3, 0, 1], [30, 2, 1, 0], [40, 1, 0, 1]]);
    expect(starter.map((r) => r.s as number).map((s) => Number(s.toFixed(6)))).toEqual([0.833333, 0.5, 0.5, 0.25, 0.25]);
    expect(starter[0]!.se).toBeCloseTo(0.152145, 6);
    expect(starter[1]!.se).toBeCloseTo(0.204124, 6);
    expect(starter[0]!.lower).toBeCloseTo(0.273123, 6);
    expect(starter[0]!.upper).toBeCloseTo(0.974712, 6);
    expect(km.filter((r) => r.is_median).map((r) => `${r.tier}@${r.t}`)).toEqual(['growth@5', 'starter@20']);
    const growth = km.filter((r) => r.tier === 'growth');
    expect(growth[1]).toMatchObject({ t: 12, s: 0, se: null, lower: 0, upper: 0 });
    // Every row against the independent TypeScript computation.
    expect(km.filter((r) => r.tier === 'pro')).toEqual([{ tier: 'pro', t: 3, n: 1, d: 0, c: 1, s: 1, se: 0, lower: 1, upper: 1, is_median: false }]);
    for (const tier of ['starter', 'growth', 'enterprise', 'pro']) {
      const expected = kaplanMeier(byTier(tier));
      const actual = km.filter((r) => r.tier === tier);
      expect(actual.length, tier).toBe(expected.length);
      expected.forEach((e, i) => {
        const a = actual[i]!;
        expect([a.t, a.n, a.d, a.c], `${tier}@${e.t}`).toEqual([e.t, e.n, e.d, e.c]);
        expect(a.s as number).toBeCloseTo(e.s, 12);
        if (e.se === null) expect(a.se).toBeNull();
        else expect(a.se as number).toBeCloseTo(e.se, 12);
        expect(a.lower as number).toBeCloseTo(e.lower, 12);
        expect(a.upper as number).toBeCloseTo(e.upper, 12);
      });
    }
  });

  it('summarises each tier: median survival (NULL when S never reaches 0.5), its interval and S(365)', async () => {
    const summary = await rows(db, 'SELECT * FROM survival_summary ORDER BY plan_tier');
    expect(summary).toEqual([
      // Enterprise: S = 2/3 throughout; the lower band (0.054 at t = 15) crosses 0.5, the upper never.
      { plan_tier: 'enterprise', customers: 3, events: 1, censored: 2, max_duration_days: 50, median_survival_days: null, median_lower_95: 15, median_upper_95: null, survival_365d: null },
      // Growth: everyone churned, so S(365) = 0 is known although nobody was followed a year.
      { plan_tier: 'growth', customers: 2, events: 2, censored: 0, max_duration_days: 12, median_survival_days: 5, median_lower_95: 5, median_upper_95: 12, survival_365d: 0 },
      { plan_tier: 'pro', customers: 1, events: 0, censored: 1, max_duration_days: 3, median_survival_days: null, median_lower_95: null, median_upper_95: null, survival_365d: null },
      // Starter: the upper band stays above 0.5 (0.646 at the end): no upper end.
      { plan_tier: 'starter', customers: 6, events: 4, censored: 2, max_duration_days: 40, median_survival_days: 20, median_lower_95: 10, median_upper_95: null, survival_365d: null },
    ]);
  });

  it('runs the log-rank test over the tiers: observed, expected, chi-square with 2 df and its p-value', async () => {
    const test = await rows(db, 'SELECT * FROM survival_logrank');
    const expected = logRank([byTier('starter'), byTier('growth'), byTier('enterprise')]);
    const order = ['starter', 'growth', 'enterprise'];
    const byName = Object.fromEntries(test.map((r) => [r.plan_tier, r]));
    order.forEach((tier, i) => {
      expect(byName[tier]!.observed_events, tier).toBe(expected.observed[i]);
      expect(byName[tier]!.expected_events as number, tier).toBeCloseTo(expected.expected[i]!, 10);
    });
    expect(byName.starter!.expected_events as number).toBeCloseTo(4.254582, 6);
    expect(byName.pro).toMatchObject({ customers: 1, observed_events: 0, expected_events: 0, variance: 0 });
    const sumOE = test.reduce((a, r) => a + (r.observed_minus_expected as number), 0);
    expect(sumOE).toBeCloseTo(0, 10);
    for (const r of test) {
      expect(r.chi_square as number).toBeCloseTo(expected.chiSquare, 10);
      expect(r.chi_square as number).toBeCloseTo(8.101001, 5);
      expect(r.degrees_of_freedom).toBe(2);
      expect(r.p_value as number).toBeCloseTo(Math.exp(-expected.chiSquare / 2), 8);
    }
  });

  it('filtered to the EU accounts at query time, compares starter with enterprise: the hand-worked 2-tier test', async () => {
    const eu = await rows(db, `SELECT * FROM (${applyFilters(sqlOf('survival_logrank'), { ...NO_FILTERS, regions: ['EU'] })}) ORDER BY plan_tier DESC`);
    expect(eu.map((r) => [r.plan_tier, r.customers, r.observed_events])).toEqual([['starter', 6, 4], ['enterprise', 3, 1]]);
    expect(eu[0]!.expected_events as number).toBeCloseTo(3.220238, 6);
    expect(eu[0]!.variance as number).toBeCloseTo(1.046733, 6);
    expect(eu[0]!.chi_square as number).toBeCloseTo(0.580882, 6);
    expect(eu[0]!.degrees_of_freedom).toBe(1);
    expect(eu[0]!.p_value as number).toBeCloseTo(0.445967, 5);
    expect(Math.abs((eu[0]!.p_value as number) - chiSquareSurvival(0.5808821040517217, 1))).toBeLessThan(1e-6);
    // One tier left (NA = growth only): nothing to compare.
    const na = await rows(db, `SELECT plan_tier, chi_square, degrees_of_freedom, p_value FROM (${applyFilters(sqlOf('survival_logrank'), { ...NO_FILTERS, regions: ['NA'] })})`);
    expect(na).toEqual([{ plan_tier: 'growth', chi_square: null, degrees_of_freedom: 0, p_value: null }]);
    // The Kaplan-Meier curves filter the same way.
    const km = await rows(db, `SELECT DISTINCT plan_tier FROM (${applyFilters(sqlOf('survival_km'), { ...NO_FILTERS, regions: ['NA'] })})`);
    expect(km).toEqual([{ plan_tier: 'growth' }]);
  });

  it("passes every check on the survival marts", async () => {
    const checks = await rows(db, `SELECT check_name, status FROM dq_results WHERE model IN (${MY_MODELS.map((m) => `'${m}'`).join(', ')})`);
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.filter((c) => c.status !== 'pass')).toEqual([]);
  });
});
