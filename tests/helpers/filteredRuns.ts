import { expect } from 'vitest';
import { type GeneratorParams } from '../../src/generator/params';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from './nodeDb';

/** Raw tables keyed by account (reversals follow their invoice, users and events their user). */
const ACCOUNT_TABLES = ['customers', 'subscription_events', 'invoices', 'support_tickets', 'nps_responses', 'opportunities', 'risk_signals'];

/**
 * Keeps only the raw rows of `table` that `keep` (a condition on its columns) accepts. A raw
 * table may be a view decoding a stored table (events is): it is then replaced by a table of
 * its kept rows, which the pipeline reads under the same name.
 */
async function keepRows(db: NodeDb, table: string, keep: string): Promise<void> {
  const views = await rows(db, `SELECT count(*) AS n FROM duckdb_views() WHERE view_name = '${table}' AND NOT internal`);
  if (views[0]!.n === 0) {
    await db.exec(`DELETE FROM ${table} WHERE NOT (${keep})`);
    return;
  }
  await db.exec(`CREATE TABLE ${table}_kept AS SELECT * FROM ${table} WHERE ${keep}`);
  await db.exec(`DROP VIEW ${table}`);
  await db.exec(`ALTER TABLE ${table}_kept RENAME TO ${table}`);
}

/**
 * Removes from the raw tables everything that does not belong to the kept accounts and users
 * (two queries over the raw tables, each giving a column `id`).
 */
export async function restrictRaw(db: NodeDb, keepAccounts: string, keepUsers: string): Promise<void> {
  await db.exec(`CREATE TEMP TABLE keep_accounts AS ${keepAccounts}`);
  await db.exec(`CREATE TEMP TABLE keep_users AS ${keepUsers}`);
  const account = `trim(customer_id) IN (SELECT id FROM keep_accounts)`;
  await keepRows(db, 'reversals', `invoice_id IN (SELECT invoice_id FROM invoices WHERE ${account})`);
  for (const table of ACCOUNT_TABLES) await keepRows(db, table, account);
  await keepRows(db, 'users', `trim(user_id) IN (SELECT id FROM keep_users)`);
  await keepRows(db, 'events', `trim(user_id) IN (SELECT id FROM keep_users)`);
}

/** A database where the whole pipeline ran on the kept accounts and users alone. */
export async function restrictedRun(params: Partial<GeneratorParams>, keepAccounts: string, keepUsers: string): Promise<NodeDb> {
  const db = await openDb();
  try {
    await loadGenerated(db, params);
    await restrictRaw(db, keepAccounts, keepUsers);
    await runAll(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Accounts (raw customers) matching a condition on the raw columns, and their users. */
export const accountsWhere = (condition: string) => `SELECT DISTINCT trim(customer_id) AS id FROM customers WHERE ${condition}`;
export const usersOfAccountsWhere = (condition: string) => `SELECT trim(user_id) AS id FROM users WHERE trim(customer_id) IN (${accountsWhere(condition)})`;

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The same rows, cell by cell; doubles may differ in the last bits (sums taken in another
 * order), nothing else may.
 */
export function expectSameRows(actual: Record<string, unknown>[], expected: Record<string, unknown>[], label: string): void {
  expect(actual.length, `${label}: row count`).toBe(expected.length);
  actual.forEach((row, i) => {
    const want = expected[i]!;
    expect(Object.keys(row), `${label}: columns`).toEqual(Object.keys(want));
    for (const [column, value] of Object.entries(row)) {
      const other = want[column];
      if (typeof value === 'number' && typeof other === 'number' && close(value, other)) continue;
      expect(value, `${label} row ${i} ${column}`).toEqual(other);
    }
  });
}
