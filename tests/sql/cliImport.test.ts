import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImportArgs } from '../../src/cli/importArgs';
import { runImportCommand } from '../../src/cli/importCommand';
import { csvFields } from '../helpers/csvFields';

/**
 * `npm run pipeline -- --import` on a sample of the real Online Retail file (every 10th line,
 * about 54,000 rows over its 13 months, to keep CI short), on both engines: the marts, read back by native DuckDB's CSV
 * reader, match each other and a recomputation in plain JavaScript of the cohorts and of the
 * rows set aside.
 */
const EVERY = 10;

describe('npm run pipeline -- --import (Online Retail sample)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'growthbench-cli-import-'));
  const file = join(dir, 'online_retail_sample.csv');
  const lines = readFileSync('/work/shared/realdata/online_retail.csv', 'utf8')
    .split('\n')
    .filter((l, i) => l !== '' && i % EVERY === 0);
  const codes: Record<string, number> = {};
  let reader: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>;
  const argv = (engine: string) => [
    '--import', file, '--role', 'transactions',
    '--map', 'customer_id=CustomerID,occurred_at=InvoiceDate,order_id=InvoiceNo,quantity=Quantity,unit_price=UnitPrice',
    '--exclude-orders', '^C', '--dedupe', '--format', 'csv', '--out', join(dir, engine), '--engine', engine,
  ];

  beforeAll(async () => {
    // Line 0 is the header.
    writeFileSync(file, `${lines.join('\n')}\n`);
    codes.wasm = await runImportCommand(parseImportArgs(argv('wasm')));
    codes.native = await runImportCommand(parseImportArgs(argv('native')));
    reader = await (await DuckDBInstance.create(':memory:')).connect();
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const all = async (sql: string) => (await reader.runAndReadAll(sql)).getRowObjectsJson();

  it('exits 0 (every check on the import passes) and writes the marts under their usual names', async () => {
    expect(codes).toEqual({ wasm: 0, native: 0 });
    const files = await all(`SELECT parse_filename(file) AS f FROM glob('${dir}/native/*/*.csv') ORDER BY 1`);
    expect(files.map((f) => f.f)).toEqual(expect.arrayContaining(['retention_cohorts.csv', 'social_capital_growth_accounting.csv', 'monthly_revenue.csv', 'revenue_retention_12m.csv', 'import_summary.csv']));
  });

  it('counts the rows set aside per rule as the file has them', async () => {
    const data = lines.slice(1).filter((l) => l !== '').map(csvFields);
    const noId = data.filter((f) => f[6] === '').length;
    const cancelled = data.filter((f) => f[6] !== '' && f[0]!.startsWith('C')).length;
    const seen = new Set<string>();
    let duplicates = 0;
    for (const f of data.filter((f) => f[6] !== '' && !f[0]!.startsWith('C'))) {
      const key = JSON.stringify(f);
      if (seen.has(key)) duplicates++;
      seen.add(key);
    }
    const summary = await all(`SELECT step, rows FROM read_csv('${dir}/native/import/import_summary.csv') WHERE rows IS NOT NULL ORDER BY step`);
    expect(Object.fromEntries(summary.map((r) => [r.step, Number(r.rows)]))).toEqual({
      read: data.length,
      'set_aside:no_id': noId,
      'set_aside:no_date': 0,
      'set_aside:order_pattern': cancelled,
      'set_aside:duplicate': duplicates,
      kept: data.length - noId - cancelled - duplicates,
    });
  });

  it('gives the cohorts of a JavaScript recomputation, on both engines alike', async () => {
    const months = new Map<string, Set<string>>();
    for (const f of lines.slice(1).filter((l) => l !== '').map(csvFields)) {
      if (f[6] === '' || f[0]!.startsWith('C')) continue;
      months.set(f[6]!, (months.get(f[6]!) ?? new Set()).add(f[4]!.slice(0, 7)));
    }
    const expected: Record<string, number> = {};
    for (const set of months.values()) {
      const cohort = [...set].sort()[0]!;
      for (const m of set) {
        const k = (Number(m.slice(0, 4)) - Number(cohort.slice(0, 4))) * 12 + Number(m.slice(5)) - Number(cohort.slice(5));
        expected[`${cohort} ${k}`] = (expected[`${cohort} ${k}`] ?? 0) + 1;
      }
    }
    const query = (engine: string) => all(`SELECT strftime(cohort_month, '%Y-%m') || ' ' || period_number AS key, users_active FROM read_csv('${dir}/${engine}/gold/retention_cohorts.csv') WHERE users_active > 0 ORDER BY 1`);
    const native = await query('native');
    expect(Object.keys(expected).filter((k) => k.endsWith(' 0'))).toHaveLength(13);
    expect(Object.fromEntries(native.map((r) => [r.key, Number(r.users_active)]))).toEqual(expected);
    expect(await query('wasm')).toEqual(native);
    const revenue = (engine: string) => all(`SELECT month, round(end_mrr, 2) AS end_mrr FROM read_csv('${dir}/${engine}/gold/monthly_revenue.csv') ORDER BY 1`);
    expect(await revenue('wasm')).toEqual(await revenue('native'));
  });

  it('exits 2 with the reason when the mapping does not fit the file', async () => {
    const bad = parseImportArgs(['--import', file, '--role', 'transactions', '--map', 'customer_id=CustomerID,occurred_at=Description', '--out', join(dir, 'bad')]);
    expect(await runImportCommand(bad)).toBe(2);
  });
});
