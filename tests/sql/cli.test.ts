import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipelineCommand } from '../../src/cli/pipeline';
import { resolveParams } from '../../src/generator/params';

/**
 * The headless runner on both engines, its files read back by an independent reader (native
 * DuckDB's Parquet and CSV readers): the same marts, the same types, the same values.
 */
describe('npm run pipeline: DuckDB-WASM and native DuckDB write identical marts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'growthbench-cli-'));
  const params = resolveParams({ preset: 'tiny', seed: 5 });
  let reader: Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>['connect']>>;
  const codes: Record<string, number> = {};

  beforeAll(async () => {
    codes.wasm = await runPipelineCommand({ params, out: join(dir, 'wasm'), format: 'parquet', engine: 'wasm' });
    codes.native = await runPipelineCommand({ params, out: join(dir, 'native'), format: 'parquet', engine: 'native' });
    codes.csv = await runPipelineCommand({ params, out: join(dir, 'csv'), format: 'csv', engine: 'wasm' });
    reader = await (await DuckDBInstance.create(':memory:')).connect();
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const all = async (sql: string) => (await reader.runAndReadAll(sql)).getRowObjectsJson();

  it('exits 0 when no error-level check fails', () => {
    expect(codes).toEqual({ wasm: 0, native: 0, csv: 0 });
  });

  it('keeps the column types in Parquet', async () => {
    const types = await all(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${dir}/wasm/silver/fct_invoices.parquet')`);
    const byName = Object.fromEntries(types.map((t) => [t.column_name, t.column_type]));
    expect(byName).toMatchObject({ gross_amount: 'DECIMAL(12,2)', issued_at: 'TIMESTAMP', period_start: 'DATE', months_covered: 'BIGINT', invoice_id: 'VARCHAR' });
    const months = await all(`SELECT column_type FROM (DESCRIBE SELECT * FROM '${dir}/wasm/silver/fct_subscription_months.parquet') WHERE column_name IN ('month', 'is_paying') ORDER BY column_name`);
    expect(months.map((m) => m.column_type)).toEqual(['BOOLEAN', 'DATE']);
  });

  it('gives the same rows for every gold mart on both engines', async () => {
    const files = await all(`SELECT file FROM glob('${dir}/wasm/gold/*.parquet')`);
    expect(files.length).toBeGreaterThan(3);
    const differing: string[] = [];
    for (const { file } of files) {
      const name = String(file).split('/').pop()!;
      const cols = await all(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${file}')`);
      // Floating-point sums differ in the last bits between one and many threads: rows are
      // paired in a stable order (exact columns first) and doubles compared within 1e-9.
      const isFloat = (c: Record<string, unknown>) => ['DOUBLE', 'FLOAT'].includes(String(c.column_type));
      const q = (c: Record<string, unknown>) => `"${String(c.column_name)}"`;
      const order = [...cols.filter((c) => !isFloat(c)), ...cols.filter(isFloat)].map(q).join(', ');
      const numbered = (path: string) => `(SELECT *, row_number() OVER (ORDER BY ${order}) AS rn__ FROM '${path}')`;
      const mismatch = cols
        .map((c) =>
          isFloat(c)
            ? `NOT (a.${q(c)} IS NULL AND b.${q(c)} IS NULL OR abs(a.${q(c)} - b.${q(c)}) <= 1e-9 * greatest(1, abs(a.${q(c)})))`
            : `a.${q(c)} IS DISTINCT FROM b.${q(c)}`,
        )
        .join(' OR ');
      const diff = await all(`SELECT a.* FROM ${numbered(String(file))} AS a FULL JOIN ${numbered(`${dir}/native/gold/${name}`)} AS b ON a.rn__ = b.rn__
        WHERE a.rn__ IS NULL OR b.rn__ IS NULL OR ${mismatch}`);
      if (diff.length > 0) differing.push(`${name}: ${JSON.stringify(diff.slice(0, 2))}`);
    }
    expect(differing).toEqual([]);
  });

  it('writes RFC 4180 CSV that a CSV reader parses back to the same values', async () => {
    const csv = readFileSync(join(dir, 'csv/gold/monthly_revenue.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^month,is_partial_month,start_mrr,/);
    expect(csv.split('\r\n')[1]).toMatch(/^2024-01-01,false,/);
    const diff = await all(`SELECT * FROM read_csv('${dir}/csv/gold/monthly_revenue.csv') EXCEPT ALL SELECT * FROM '${dir}/wasm/gold/monthly_revenue.parquet'`);
    expect(diff).toEqual([]);
  });
});
