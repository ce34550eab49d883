import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import * as parquetWasm from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImport } from '../../src/import/buildImport';
import { excelToIpc, type ExcelModule, type ParquetReader, parquetToIpc } from '../../src/import/fileReaders';
import { loadArrowIpc, sourceColumns } from '../../src/import/loadSource';
import { NO_RULES } from '../../src/import/rules';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { type NodeDb, openDb, rows } from '../helpers/nodeDb';
import { importCsv } from './importHelpers';

/**
 * The real files of ../shared/realdata imported as the app imports them, each mart checked
 * against a recomputation in plain JavaScript from the CSV text: CDNOW's cohorts and monthly
 * revenue, the telco customers' churn by contract. Then the same small table as Parquet and as
 * Excel gives the same marts as its CSV.
 */
const REALDATA = '/work/shared/realdata';
const month = (iso: string) => iso.slice(0, 7);

describe('real data through the import', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.close());

  it('CDNOW: retention cohorts and monthly revenue match a recomputation from the file', async () => {
    const text = readFileSync(`${REALDATA}/cdnow_transactions.csv`, 'utf8');
    const summary = await importCsv(db, 'cdnow', text, {
      kind: 'transactions',
      mapping: { customer_id: 'customer_id', occurred_at: 'date', quantity: 'number_of_cds', amount: 'dollar_value' },
      dateFormat: 'iso',
      rules: NO_RULES,
    });
    const lines = text.trim().split('\n').slice(1).map((l) => l.split(','));
    expect(summary.rowsRead).toBe(69_659);
    expect(summary.rowsKept).toBe(lines.length);
    expect(summary.checks.filter((c) => !c.passed)).toEqual([]);

    const monthsOf = new Map<string, Set<string>>();
    const revenue = new Map<string, number>();
    for (const [customer, date, , dollars] of lines) {
      monthsOf.set(customer!, (monthsOf.get(customer!) ?? new Set()).add(month(date!)));
      revenue.set(month(date!), (revenue.get(month(date!)) ?? 0) + Number(dollars));
    }
    const expected = new Map<string, number>();
    for (const months of monthsOf.values()) {
      const cohort = [...months].sort()[0]!;
      for (const m of months) {
        const k = (Number(m.slice(0, 4)) - Number(cohort.slice(0, 4))) * 12 + Number(m.slice(5)) - Number(cohort.slice(5));
        expected.set(`${cohort} ${k}`, (expected.get(`${cohort} ${k}`) ?? 0) + 1);
      }
    }
    const cohorts = await rows(db, `SELECT strftime(cohort_month, '%Y-%m') AS c, period_number AS k, users_active AS n FROM cdnow.retention_cohorts WHERE users_active > 0`);
    expect(new Map(cohorts.map((r) => [`${r.c} ${r.k}`, r.n]))).toEqual(expected);
    // Every customer's month of revenue is positive here, so monthly revenue is the month's sum.
    const months = await rows(db, `SELECT strftime(month, '%Y-%m') AS m, CAST(end_mrr AS DOUBLE) AS revenue FROM cdnow.monthly_revenue ORDER BY 1`);
    expect(months.map((r) => r.m)).toEqual([...revenue.keys()].sort());
    for (const r of months) expect(r.revenue as number).toBeCloseTo(revenue.get(r.m as string)!, 2);
  }, 120_000);

  it('telco: survival by contract counts each customer and churn as the file does', async () => {
    const text = readFileSync(`${REALDATA}/telco_customer_churn.csv`, 'utf8');
    const summary = await importCsv(db, 'telco', text, {
      kind: 'customers',
      mapping: { customer_id: 'customerID', duration: 'tenure', churned: 'Churn', segment: 'Contract' },
      dateFormat: 'iso',
      rules: NO_RULES,
    });
    expect(summary.rowsKept).toBe(7_043);
    expect(summary.tables.map((t) => t.name)).toEqual(['survival_table', 'survival_km', 'survival_logrank', 'survival_summary']);
    const header = text.split('\n')[0]!.split(',');
    const [contract, churn, tenure] = ['Contract', 'Churn', 'tenure'].map((n) => header.indexOf(n));
    const byContract = new Map<string, { customers: number; events: number; maxTenure: number }>();
    for (const line of text.trim().split('\n').slice(1)) {
      const f = line.split(','); // the telco file quotes nothing
      const entry = byContract.get(f[contract!]!) ?? { customers: 0, events: 0, maxTenure: 0 };
      entry.customers++;
      if (f[churn!]!.trim() === 'Yes') entry.events++;
      entry.maxTenure = Math.max(entry.maxTenure, Number(f[tenure!]));
      byContract.set(f[contract!]!, entry);
    }
    const summaryRows = await rows(db, `SELECT plan_tier, customers, events, max_duration_days AS max FROM telco.survival_summary ORDER BY plan_tier`);
    expect(summaryRows).toEqual([...byContract.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tier, e]) => ({ plan_tier: tier, customers: e.customers, events: e.events, max: e.maxTenure })));
    // Kaplan-Meier at the first event time of month-to-month customers: 1 - churned at t / at risk at t.
    const km = await rows(db, `SELECT t, n_at_risk, events, survival FROM telco.survival_km WHERE plan_tier = 'Month-to-month' AND events > 0 ORDER BY t LIMIT 1`);
    expect(km[0]!.survival as number).toBeCloseTo(1 - (km[0]!.events as number) / (km[0]!.n_at_risk as number), 12);
  }, 120_000);

  it('Parquet and Excel files give the same marts as the CSV of the same table', async () => {
    const data = { customer: ['a', 'a', 'b', 'c', 'b'], date: ['2024-01-05', '2024-02-03', '2024-01-20', '2024-03-01', '2024-03-09'], amount: ['10', '7', '5', '4', '1'] };
    const csv = `customer,date,amount\n${data.customer.map((c, i) => `${c},${data.date[i]},${data.amount[i]}`).join('\n')}\n`;
    const spec = { kind: 'transactions' as const, mapping: { customer_id: 'customer', occurred_at: 'date', amount: 'amount' }, dateFormat: 'iso', rules: NO_RULES };
    await importCsv(db, 'as_csv', csv, spec);

    // Parquet with typed columns (a DATE and a DOUBLE), written by parquet-wasm from Arrow.
    const typed = tableFromArrays({ customer: data.customer, date: data.date.map((d) => new Date(`${d}T00:00:00Z`)), amount: Float64Array.from(data.amount.map(Number)) });
    const parquet = (parquetWasm as unknown as { writeParquet(t: unknown): Uint8Array; Table: { fromIPCStream(b: Uint8Array): unknown } }).writeParquet(
      (parquetWasm as unknown as { Table: { fromIPCStream(b: Uint8Array): unknown } }).Table.fromIPCStream(tableToIPC(typed, 'stream')),
    );
    await loadArrowIpc(db, 'as_parquet', parquetToIpc(parquetWasm as unknown as ParquetReader, parquet), 1);
    await buildImport(db, 'as_parquet', SQL_MODELS, spec, await sourceColumns(db, 'as_parquet'));

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('orders');
    sheet.addRow(['customer', 'date', 'amount']);
    data.customer.forEach((c, i) => sheet.addRow([c, new Date(`${data.date[i]}T00:00:00Z`), Number(data.amount[i])]));
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    await loadArrowIpc(db, 'as_excel', await excelToIpc(ExcelJS as unknown as ExcelModule, xlsx), 2);
    await buildImport(db, 'as_excel', SQL_MODELS, spec, await sourceColumns(db, 'as_excel'));
    // Excel rows are numbered as the sheet shows them (header = row 1), Parquet rows from 1.
    expect(await rows(db, 'SELECT min(__row) AS first FROM as_excel.source')).toEqual([{ first: 2 }]);
    expect(await rows(db, 'SELECT min(__row) AS first FROM as_parquet.source')).toEqual([{ first: 1 }]);

    const marts = async (schema: string) => ({
      retention: await rows(db, `SELECT cohort_month, period_number, users_active FROM ${schema}.retention_cohorts ORDER BY ALL`),
      revenue: await rows(db, `SELECT month, CAST(end_mrr AS DOUBLE) AS end_mrr FROM ${schema}.monthly_revenue ORDER BY ALL`),
      growth: await rows(db, `SELECT * EXCLUDE (calculated_at) FROM ${schema}.social_capital_growth_accounting ORDER BY ALL`),
    });
    const fromCsv = await marts('as_csv');
    expect(fromCsv.retention.length).toBeGreaterThan(0);
    expect(await marts('as_parquet')).toEqual(fromCsv);
    expect(await marts('as_excel')).toEqual(fromCsv);
  }, 120_000);
});
