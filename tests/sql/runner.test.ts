import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelFailedError, runPipeline } from '../../src/pipeline/runner';
import { PIPELINE_SOURCES } from '../../src/pipeline/sources';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { parseSqlModel } from '../../src/pipeline/sqlModel';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';
import { createRawTables } from '../helpers/rawFixtures';

describe('pipeline runner on the real sql/ files (DuckDB-WASM, Node bindings)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  it('runs every model and check on a tiny generated dataset, timing each and counting rows', async () => {
    await loadGenerated(db, { preset: 'tiny', seed: 42 });
    const events = await rows(db, 'SELECT count(DISTINCT event_id) AS n FROM events');
    const result = await runAll(db);
    expect(result.models.map((m) => m.name).sort()).toEqual(SQL_MODELS.filter((m) => m.layer !== 'checks').map((m) => m.name).sort());
    for (const m of result.models) {
      expect(m.durationMs).toBeGreaterThanOrEqual(0);
      const [{ n }] = (await rows(db, `SELECT count(*) AS n FROM ${m.name}`)) as [{ n: number }];
      expect(m.rows, m.name).toBe(n);
    }
    // Every distinct raw event is either staged or rejected with a reason, never lost.
    const rejected = await rows(db, `SELECT count(DISTINCT row_key) AS n FROM stg_rejects WHERE source_table = 'events'`);
    expect(rejected[0]!.n).toBeGreaterThan(0);
    expect(result.models.find((m) => m.name === 'stg_events')!.rows + Number(rejected[0]!.n)).toBe(events[0]!.n);
    expect(result.checks.length).toBe(SQL_MODELS.filter((m) => m.layer === 'checks').length);
    // Only the planted findings show, as warnings: story 7's negative balances and story 9's
    // rejected rows and missing countries. Everything else passes.
    const findings = result.checks.filter((c) => c.status !== 'pass').map((c) => `${c.status} ${c.name}`);
    expect(findings.sort()).toEqual([
      'warn dim_users_no_negative_miles_balance',
      'warn not_null_stg_customers_country',
      'warn not_null_stg_events_country',
      'warn stg_rejects_no_rejected_rows',
    ]);
    const stored = await rows(db, `SELECT status, count(*) AS n FROM dq_results GROUP BY status ORDER BY status`);
    expect(stored).toEqual([
      { status: 'pass', n: result.checks.length - 4 },
      { status: 'warn', n: 4 },
    ]);
  });

  it('says when the priority models are built, before the others', async () => {
    await loadGenerated(db, { preset: 'tiny', seed: 4 });
    const events: string[] = [];
    await runPipeline(db, SQL_MODELS, {
      sources: PIPELINE_SOURCES,
      priority: ['retention_cohorts'],
      onEvent: (e) => {
        if (e.type !== 'model-start') events.push(e.type === 'model-done' ? e.result.name : e.type);
      },
    });
    const at = events.indexOf('priority-done');
    expect(events.slice(0, at)).toEqual(['start', 'stg_events', 'fct_user_months', 'retention_cohorts']);
    expect(events.indexOf('models-done')).toBeGreaterThan(at + 10);
  });

  it('creates a model marked @materialize view as a view that follows its source, and can run again', async () => {
    await createRawTables(db, [{ id: 1, user: 'A', at: '2024-01-05 10:00:00' }, { id: 2, user: 'B', at: '2024-01-06 10:00:00' }], '2024-02-01');
    const models = [
      ...SQL_MODELS.filter((m) => m.layer === 'bronze'),
      parseSqlModel({ path: 'sql/silver/users_seen.sql', text: '-- Users seen.\n-- @materialize view\nSELECT DISTINCT user_id FROM stg_events' }),
    ];
    for (let run = 0; run < 2; run++) {
      const result = await runPipeline(db, models, { sources: PIPELINE_SOURCES });
      expect(result.models.find((m) => m.name === 'users_seen')!.rows).toBe(2);
    }
    expect(await rows(db, `SELECT table_type FROM information_schema.tables WHERE table_name = 'users_seen'`)).toEqual([{ table_type: 'VIEW' }]);
    await db.exec(`DELETE FROM stg_events WHERE user_id = 'B'`);
    expect(await rows(db, 'SELECT count(*) AS n FROM users_seen')).toEqual([{ n: 1 }]);
    await db.exec('DROP VIEW users_seen');
  });

  it('stops at a failing model with an error naming the file and DuckDB\'s message', async () => {
    await createRawTables(db, [{ id: 1, user: 'A', at: '2024-01-05 10:00:00' }], '2024-02-01');
    await db.exec('DROP TABLE IF EXISTS after_broken');
    const broken = [
      ...SQL_MODELS.filter((m) => m.layer === 'bronze'),
      parseSqlModel({ path: 'sql/silver/broken.sql', text: '-- Broken on purpose.\nSELECT no_such_column FROM stg_events' }),
      parseSqlModel({ path: 'sql/gold/after_broken.sql', text: '-- Reads the broken model.\nSELECT * FROM broken' }),
    ];
    const error = await runPipeline(db, broken, { sources: PIPELINE_SOURCES }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFailedError);
    expect((error as ModelFailedError).model).toBe('broken');
    expect((error as ModelFailedError).message).toMatch(/sql\/silver\/broken\.sql.*no_such_column/s);
    expect(await rows(db, `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'after_broken'`)).toEqual([{ n: 0 }]);
  });

  it('records failing checks with their offending rows, and warns for warn-level checks', async () => {
    await createRawTables(db, [{ id: 1, user: 'A', at: '2024-01-05 10:00:00' }], '2024-02-01');
    const checks = [
      parseSqlModel({ path: 'sql/checks/always_fails.sql', text: "-- Fails.\n-- @model run_params\nSELECT 'bad' AS why, 42 AS n" }),
      parseSqlModel({ path: 'sql/checks/only_warns.sql', text: "-- Warns.\n-- @severity warn\nSELECT 1 AS x FROM run_params" }),
      parseSqlModel({ path: 'sql/checks/passes.sql', text: '-- Passes.\nSELECT 1 AS x FROM run_params WHERE false' }),
    ];
    const result = await runPipeline(db, checks, { sources: PIPELINE_SOURCES });
    expect(result.checks.map((c) => [c.name, c.status, c.failingRows])).toEqual([
      ['always_fails', 'fail', 1],
      ['only_warns', 'warn', 1],
      ['passes', 'pass', 0],
    ]);
    expect(result.checks[0]!.sample).toEqual(['{"why":"bad","n":42}']);
    expect(await rows(db, `SELECT check_name, model, status, failing_rows, sample FROM dq_results ORDER BY check_name`)).toEqual([
      { check_name: 'always_fails', model: 'run_params', status: 'fail', failing_rows: 1, sample: '[{"why":"bad","n":42}]' },
      { check_name: 'only_warns', model: null, status: 'warn', failing_rows: 1, sample: '[{"x":1}]' },
      { check_name: 'passes', model: null, status: 'pass', failing_rows: 0, sample: '[]' },
    ]);
  });
});
