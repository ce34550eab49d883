import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineResult } from '../../src/pipeline/runner';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { checkDescriptions, parseSample, statusCounts } from '../../src/views/quality/qualityModel';
import { checkResultsSql, checkRowsFromTable } from '../../src/views/quality/qualityQueries';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

let db: NodeDb;
let result: PipelineResult;
beforeAll(async () => {
  db = await openDb();
  await loadGenerated(db, { preset: 'tiny', seed: 21 });
  result = await runAll(db);
}, 120_000);
afterAll(() => db.close());

describe('data-quality view', () => {
  it('reads every check the runner ran from dq_results, with its status and failing rows', async () => {
    const checks = checkRowsFromTable(await db.query(checkResultsSql()));
    expect(checks.map((c) => c.name)).toEqual(result.checks.map((c) => c.name).sort((a, b) => a.localeCompare(b)));
    for (const c of checks) {
      const ran = result.checks.find((r) => r.name === c.name)!;
      expect([c.status, c.failingRows, c.model, c.severity], c.name).toEqual([ran.status, ran.failingRows, ran.model, ran.severity]);
    }
    const counts = statusCounts(checks);
    expect(counts.fail).toBe(0);
    expect(counts.warn + counts.pass).toBe(result.checks.length);
    // Every check the view lists has a description in the dictionary.
    const descriptions = checkDescriptions(SQL_MODELS);
    for (const c of checks) expect(descriptions.has(c.name), c.name).toBe(true);
  });

  it('shows the planted findings as warnings, with samples that are rows of the failing check', async () => {
    const checks = checkRowsFromTable(await db.query(checkResultsSql()));
    const warned = checks.filter((c) => c.status === 'warn');
    expect(warned.map((c) => c.name).sort()).toEqual(['dim_users_no_negative_miles_balance', 'not_null_stg_customers_country', 'not_null_stg_events_country', 'stg_rejects_no_rejected_rows']);
    // The failing counts, recomputed from the tables the checks look at.
    const count = async (sql: string) => Number((await rows(db, sql))[0]!.n);
    const expected: Record<string, number> = {
      dim_users_no_negative_miles_balance: await count('SELECT count(*) AS n FROM dim_users WHERE current_miles_balance < 0'),
      not_null_stg_customers_country: await count('SELECT count(*) AS n FROM stg_customers WHERE country IS NULL'),
      not_null_stg_events_country: await count('SELECT count(*) AS n FROM stg_events WHERE country IS NULL'),
      stg_rejects_no_rejected_rows: await count('SELECT count(*) AS n FROM stg_rejects'),
    };
    for (const c of warned) {
      expect(c.failingRows, c.name).toBe(expected[c.name]);
      const sample = parseSample(c.sample);
      if ('error' in sample) throw new Error(sample.error);
      expect(sample.rows.length, c.name).toBe(Math.min(5, c.failingRows));
    }
    const countries = parseSample(warned.find((c) => c.name === 'not_null_stg_customers_country')!.sample);
    if ('error' in countries) throw new Error(countries.error);
    const country = countries.columns.indexOf('country');
    expect(countries.rows.every((r) => r[country] === 'NULL')).toBe(true);
  });
});
