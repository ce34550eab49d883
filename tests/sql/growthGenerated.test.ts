import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignDays } from '../../src/generator/dataset';
import { resolveParams } from '../../src/generator/params';
import { simulationWindow } from '../../src/generator/window';
import { failingGrowthChecks } from '../helpers/growthFixtures';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

/** The warnings the generator plants on purpose (stories 7 and 9). */
const PLANTED_WARNINGS = ['dim_users_no_negative_miles_balance', 'not_null_stg_customers_country', 'not_null_stg_events_country', 'stg_rejects_no_rejected_rows'];

describe('growth marts on generated data (tiny, seed 3)', () => {
  let db: NodeDb;
  let warnings: Map<string, number>;
  let failing: string[];
  beforeAll(async () => {
    db = await openDb();
    await loadGenerated(db, { preset: 'tiny', seed: 3 });
    const result = await runAll(db);
    failing = failingGrowthChecks(result);
    warnings = new Map(result.checks.filter((c) => c.status === 'warn').map((c) => [c.name, c.failingRows]));
  }, 120_000);
  afterAll(() => db.close());

  it('passes every check of the growth marts, identities included', () => {
    expect(failing).toEqual([]);
    for (const name of PLANTED_WARNINGS) expect(warnings.has(name), name).toBe(true);
  });

  it('lists the few users with a negative miles balance (story 7), the same as the dim_users warning', async () => {
    const [r] = await rows(db, `SELECT (SELECT count(*) FROM users_with_negative_miles) AS negative, (SELECT count(*) FROM dim_users) AS users,
      (SELECT count(*) FROM users_with_negative_miles WHERE negative_amount <= 0) AS not_negative`);
    expect(r!.negative).toBeGreaterThan(0);
    expect((r!.negative as number) / (r!.users as number)).toBeLessThan(0.01);
    expect(r!.not_negative).toBe(0);
    expect(r!.negative).toBe(warnings.get('dim_users_no_negative_miles_balance'));
  });

  it('covers every month, week and day from the first activity to the as-of date', async () => {
    const [r] = await rows(db, `SELECT
      (SELECT count(*) FROM social_capital_growth_accounting) AS months,
      (SELECT count(*) FROM social_capital_growth_accounting_weekly) AS weeks,
      (SELECT count(*) FROM social_capital_growth_accounting_daily) AS days,
      (SELECT count(*) FROM growth_metrics) AS metric_days,
      (SELECT datediff('day', min(event_date), max(event_date)) + 1 FROM fct_user_days) AS span_days,
      (SELECT max(event_date) FROM growth_metrics) = (SELECT as_of_date FROM run_params) AS ends_as_of`);
    expect(r).toMatchObject({ months: 24, ends_as_of: true });
    expect(r!.days).toBe(r!.span_days);
    expect(r!.metric_days).toBe(r!.span_days);
    expect(r!.weeks).toBeGreaterThanOrEqual(104);
  });
});

/**
 * Story 8: win-back campaigns (12 March, 18 June and 8 October) bring users back after long
 * dormancy. On each campaign day, returns after 8 days or more (medium + long + very long
 * dormancy) are several times the typical day around it, and more than on any other day
 * within two weeks. The count is also checked against the raw events, computed here
 * independently of the pipeline.
 */
describe('win-back resurrection spikes (seed 7, 6 000 accounts)', () => {
  const PARAMS = { seed: 7, accounts: 6000 } as const;
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await loadGenerated(db, PARAMS);
    await runAll(db);
  }, 240_000);
  afterAll(() => db.close());

  it('shows long-dormancy resurrection spikes on every campaign day', async () => {
    const campaigns = campaignDays(simulationWindow(resolveParams(PARAMS))).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    expect(campaigns.length).toBeGreaterThanOrEqual(6);
    const got = await rows(db, `WITH r AS (
        SELECT event_date, total_resurrections AS total, medium_dormancy_resurrections + long_dormancy_resurrections + very_long_dormancy_resurrections AS dormant_8,
          resurrection_pattern AS pattern FROM user_resurrection_analysis),
      c AS (SELECT * FROM r WHERE event_date IN (${campaigns.map((d) => `DATE '${d}'`).join(', ')}))
      SELECT strftime(c.event_date, '%Y-%m-%d') AS day, c.total, c.dormant_8, c.pattern,
        (SELECT median(total) FROM r WHERE r.event_date BETWEEN c.event_date - 14 AND c.event_date + 14 AND r.event_date <> c.event_date) AS typical_total,
        (SELECT median(dormant_8) FROM r WHERE r.event_date BETWEEN c.event_date - 14 AND c.event_date + 14 AND r.event_date <> c.event_date) AS typical_8,
        (SELECT max(dormant_8) FROM r WHERE r.event_date BETWEEN c.event_date - 14 AND c.event_date + 14 AND r.event_date <> c.event_date) AS max_other_8
      FROM c ORDER BY c.event_date`);
    console.log('campaign days: returns after 8+ days / typical day around it', got.map((g) => `${g.day} ${((g.dormant_8 as number) / (g.typical_8 as number)).toFixed(1)}`));
    expect(got.map((g) => g.day)).toEqual(campaigns);
    for (const g of got) {
      expect(g.dormant_8 as number, g.day as string).toBeGreaterThan(3 * (g.typical_8 as number));
      expect(g.dormant_8 as number, g.day as string).toBeGreaterThan(g.max_other_8 as number);
      expect(g.total as number, g.day as string).toBeGreaterThan(1.5 * (g.typical_total as number));
      if ((g.day as string) >= '2024-06-01') expect(g.pattern, g.day as string).toBe('Long-term Recovery');
    }
    // Independently, from the raw events: users whose previous active day was 8 or more days earlier.
    const raw = await rows(db, `WITH d AS (SELECT DISTINCT trim(user_id) AS u, CAST(event_time AS DATE) AS day FROM events
        WHERE user_id IS NOT NULL AND lower(trim(event_type)) <> 'qa_test_ping'),
      g AS (SELECT day, day - lag(day) OVER (PARTITION BY u ORDER BY day) AS gap FROM d)
      SELECT strftime(day, '%Y-%m-%d') AS day, count(*) AS n FROM g WHERE gap >= 8 AND day IN (${campaigns.map((d) => `DATE '${d}'`).join(', ')}) GROUP BY day ORDER BY day`);
    for (const [i, r] of raw.entries()) expect(Math.abs((got[i]!.dormant_8 as number) / (r.n as number) - 1), r.day as string).toBeLessThan(0.03);
  });
});
