import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDictionary } from '../../src/dictionary/dictionary';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

describe('data dictionary against the real tables', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await loadGenerated(db, { preset: 'tiny', seed: 3 });
    await runAll(db);
  });
  afterAll(() => db.close());

  it('documents exactly the columns each raw table and model has, each with a description', async () => {
    for (const entry of buildDictionary(SQL_MODELS).filter((e) => e.layer !== 'checks')) {
      const actual = (await rows(db, `SELECT column_name FROM information_schema.columns WHERE table_name = '${entry.name}' ORDER BY ordinal_position`)).map((r) => r.column_name);
      expect(entry.columns.map((c) => c.name), entry.name).toEqual(actual);
      for (const c of entry.columns) expect(c.description.length, `${entry.name}.${c.name}`).toBeGreaterThan(3);
      expect(entry.description.length, entry.name).toBeGreaterThan(10);
    }
  });
});
