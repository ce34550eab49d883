import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Filters, NO_FILTERS } from '../../src/pipeline/filters';
import { martQuery } from '../../src/pipeline/martQuery';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { BINS, CHURN_COLUMNS, correlationSql, distributionSql, DISTRIBUTION_FEATURES, EXPANSION_COLUMNS, featureSummarySql, martTableSql } from '../../src/views/drivers/driversQueries';
import { binRowsFromTable, correlationRowsFromTable, featureSummaryFromTable, martRowsFromTable } from '../../src/views/drivers/driversRows';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

/**
 * The drivers view's SQL against JavaScript over the rows of eda_customer_features (tiny, seed
 * 21), unfiltered and under an account filter: histogram counts per bin, box-plot figures,
 * the correlations recomputed as Pearson r, and the feature marts read in full.
 */
let db: NodeDb;
beforeAll(async () => {
  db = await openDb();
  await loadGenerated(db, { preset: 'tiny', seed: 21 });
  await runAll(db);
}, 180_000);
afterAll(() => db.close());

const FILTERED: Filters = { ...NO_FILTERS, regions: ['NA', 'EU'] };
const eda = (filters: Filters) => martQuery(SQL_MODELS, 'eda_customer_features', filters);

async function edaRows(filters: Filters): Promise<Record<string, unknown>[]> {
  const keep = filters.regions.length ? `WHERE customer_id IN (SELECT customer_id FROM dim_customers WHERE region IN ('NA', 'EU'))` : '';
  return rows(db, `SELECT * EXCLUDE (mrr), CAST(mrr AS DOUBLE) AS mrr FROM eda_customer_features ${keep}`);
}

/** Linear interpolation between order statistics (DuckDB's quantile_cont). */
function quantile(sorted: number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
}

describe('drivers view SQL', () => {
  for (const filters of [NO_FILTERS, FILTERED]) {
    const label = filters === NO_FILTERS ? 'unfiltered' : 'filtered';
    it(`histograms and box-plot figures of every feature match the accounts' values (${label})`, async () => {
      const accounts = await edaRows(filters);
      expect(accounts.length).toBeGreaterThan(30);
      for (const feature of DISTRIBUTION_FEATURES) {
        const values = accounts.filter((a) => a[feature.key] !== null).map((a) => ({ x: Number(a[feature.key]), churned: Boolean(a.churned) }));
        const bins = binRowsFromTable(await db.query(distributionSql(eda(filters), feature)));
        const lo = Math.min(...values.map((v) => v.x));
        const hi = Math.max(...values.map((v) => v.x));
        const perValue = feature.integral && hi - lo < BINS;
        expect(bins.length, feature.key).toBeLessThanOrEqual(perValue ? hi - lo + 1 : BINS);
        for (const b of bins) {
          // [start, end), except that the last bin also holds the maximum.
          const inside = values.filter((v) => v.x >= b.start - 1e-7 && (v.x < b.end - 1e-7 || (v.x === hi && b === bins.at(-1))));
          expect([b.churned, b.retained], `${feature.key} bin ${b.bin}`).toEqual([inside.filter((v) => v.churned).length, inside.filter((v) => !v.churned).length]);
        }
        expect(bins.reduce((s, b) => s + b.churned + b.retained, 0), feature.key).toBe(values.length);
        const summary = featureSummaryFromTable(await db.query(featureSummarySql(eda(filters), feature)));
        for (const group of summary) {
          const xs = values.filter((v) => v.churned === (group.group === 'churned')).map((v) => v.x).sort((a, b) => a - b);
          expect(group.n, `${feature.key} ${group.group}`).toBe(xs.length);
          if (xs.length === 0) continue;
          expect(group.mean!).toBeCloseTo(xs.reduce((s, x) => s + x, 0) / xs.length, 9);
          expect([group.min, group.max]).toEqual([xs[0], xs.at(-1)]);
          expect(group.median!).toBeCloseTo(quantile(xs, 0.5), 9);
          expect(group.q1!).toBeCloseTo(quantile(xs, 0.25), 9);
          expect(group.q3!).toBeCloseTo(quantile(xs, 0.75), 9);
        }
      }
    });

    it(`correlations are the Pearson r of each feature with the churn label (${label})`, async () => {
      const accounts = await edaRows(filters);
      const correlations = correlationRowsFromTable(await db.query(correlationSql(martQuery(SQL_MODELS, 'churn_correlations', filters))));
      expect(correlations).toHaveLength(5);
      const strengths = correlations.map((c) => Math.abs(c.r ?? 0));
      expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
      for (const c of correlations) {
        const pairs = accounts.filter((a) => a[c.feature] !== null).map((a) => [Number(a[c.feature]), a.churned ? 1 : 0] as const);
        const mean = (k: 0 | 1) => pairs.reduce((s, p) => s + p[k], 0) / pairs.length;
        const [mx, my] = [mean(0), mean(1)];
        const cov = pairs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
        const vx = pairs.reduce((s, [x]) => s + (x - mx) ** 2, 0);
        const vy = pairs.reduce((s, [, y]) => s + (y - my) ** 2, 0);
        expect(c.n, c.feature).toBe(pairs.length);
        expect(c.r!, c.feature).toBeCloseTo(cov / Math.sqrt(vx * vy), 9);
      }
    });

    it(`the feature tables hold every row of their marts (${label})`, async () => {
      for (const [mart, columns] of [
        ['mart_customer_churn_features', CHURN_COLUMNS],
        ['mart_customer_expansion_features', EXPANSION_COLUMNS],
      ] as const) {
        const read = martRowsFromTable(columns)(await db.query(martTableSql(martQuery(SQL_MODELS, mart, filters), columns)));
        const keep = filters.regions.length ? `WHERE customer_id IN (SELECT customer_id FROM dim_customers WHERE region IN ('NA', 'EU'))` : '';
        const direct = await rows(db, `SELECT customer_id, CAST(mrr AS DOUBLE) AS mrr, events_last_30d FROM ${mart} ${keep} ORDER BY customer_id`);
        expect(read.map((r) => [r.customer_id, r.mrr, r.events_last_30d]), mart).toEqual(direct.map((r) => [r.customer_id, r.mrr, r.events_last_30d]));
        expect(read.length).toBeGreaterThan(10);
      }
    });
  }
});
