import { tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent } from '../../src/engine/connector';
import { buildImport } from '../../src/import/buildImport';
import { createImportSchema } from '../../src/import/loadSource';
import { restoreSourceSql, SAVED_IMPORT_ROWS, savedRowsSql } from '../../src/import/savedImport';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { type NodeDb, openDb, rows } from '../helpers/nodeDb';
import { importCsv } from './importHelpers';

/**
 * A saved import rebuilt in a fresh schema from its saved rows (Arrow IPC, as the browser
 * stores them) gives the same source, the same counts and the same marts as the original.
 */
const CSV = [
  'customer,when,order,amount',
  'a,2024-01-05,o1,10',
  'b,2024-01-20,o2,5',
  ',2024-01-21,o3,7',
  'a,2024-02-03,C4,-10',
  'a,2024-02-10,o5,12.5',
  'b,2024-03-01,o6,3',
  'c,2024-03-02,o7,"1,000"',
].join('\n');
const spec = { kind: 'transactions' as const, mapping: { customer_id: 'customer', occurred_at: 'when', order_id: 'order' }, dateFormat: 'iso', rules: { excludeOrderPattern: '^C', excludeNegative: false, dedupe: false } };

describe('a saved import rebuilt from its rows', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  it('has the same source and builds the same tables', async () => {
    const original = await importCsv(db, 'original', CSV, spec);
    const columns = ['customer', 'when', 'order', 'amount'];
    // Saved the way the browser saves it, and inserted the way saved tables are restored.
    const ipc = tableToIPC(await db.query(savedRowsSql('original', columns)), 'stream');
    await db.insertArrowIpc(SAVED_IMPORT_ROWS, ipc, { create: true });
    await createImportSchema(db, 'restored');
    await db.exec(restoreSourceSql('restored', columns));

    const source = (schema: string) => rows(db, `SELECT * FROM ${quoteIdent(schema)}.source ORDER BY __row`);
    expect(await source('restored')).toEqual(await source('original'));
    expect((await rows(db, `SELECT column_name, column_type FROM (DESCRIBE restored.source)`)).map((r) => `${String(r.column_name)} ${String(r.column_type)}`)).toEqual(['__row BIGINT', ...columns.map((c) => `${c} VARCHAR`)]);

    const rebuilt = await buildImport(db, 'restored', SQL_MODELS, spec, columns);
    // Hand count: 7 rows, one without a customer, one cancellation (C4), 5 kept.
    expect({ read: rebuilt.rowsRead, kept: rebuilt.rowsKept }).toEqual({ read: 7, kept: 5 });
    expect(rebuilt.setAside).toEqual(original.setAside);
    expect(rebuilt.tables).toEqual(original.tables);
    expect(await rows(db, 'SELECT * FROM restored.retention_cohorts ORDER BY ALL')).toEqual(await rows(db, 'SELECT * FROM original.retention_cohorts ORDER BY ALL'));
  });
});
