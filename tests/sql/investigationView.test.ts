import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Filters, NO_FILTERS } from '../../src/pipeline/filters';
import { martQuery } from '../../src/pipeline/martQuery';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { decompositionSteps, DEDUCTIONS, effectGroups, trueUpFor } from '../../src/views/investigation/investigationModel';
import {
  ACQUISITION_TYPES,
  decompositionRowsFromTable,
  decompositionSql,
  drilldownRowsFromTable,
  drilldownSql,
  type QuarterRow,
  quarterRowsFromTable,
  quarterRowsSql,
  trueUpRowsFromTable,
  trueUpSql,
} from '../../src/views/investigation/investigationQueries';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

let db: NodeDb;
beforeAll(async () => {
  db = await openDb();
  await loadGenerated(db, { preset: 'tiny', seed: 21 });
  await runAll(db);
}, 120_000);
afterAll(() => db.close());

const mart = (name: string, filters: Filters) => martQuery(SQL_MODELS, name, filters);
const quarterRows = async (filters: Filters) => quarterRowsFromTable(await db.query(quarterRowsSql(mart('first_month_net_revenue', filters))));

interface FirstMonth {
  customer: string;
  quarter: string;
  type: string;
  gross: number;
  discount: number;
  reversals: number;
  net: number;
}

/**
 * Each paying account's first month, recomputed in JavaScript from the staged invoices and
 * reversals: the earliest invoice (by issue time, then id) taken pro rata over the months
 * it covers. Independent of the marts and of dim_customer_acquisition.
 */
async function firstMonths(regions: readonly string[] | null): Promise<FirstMonth[]> {
  const invoices = await rows(
    db,
    `SELECT i.invoice_id, i.customer_id, epoch_ms(i.issued_at) AS issued, i.transaction_type, i.months_covered,
       CAST(i.gross_amount AS DOUBLE) AS gross, CAST(i.discount_amount AS DOUBLE) AS discount, c.region
     FROM stg_invoices AS i JOIN stg_customers AS c USING (customer_id)`,
  );
  const reversed = new Map<string, number>();
  for (const r of await rows(db, `SELECT invoice_id, CAST(amount AS DOUBLE) AS amount FROM stg_reversals`)) {
    reversed.set(String(r.invoice_id), (reversed.get(String(r.invoice_id)) ?? 0) + Number(r.amount));
  }
  const first = new Map<string, Record<string, unknown>>();
  for (const inv of invoices) {
    const seen = first.get(String(inv.customer_id));
    const earlier = !seen || Number(inv.issued) < Number(seen.issued) || (Number(inv.issued) === Number(seen.issued) && String(inv.invoice_id) < String(seen.invoice_id));
    if (earlier) first.set(String(inv.customer_id), inv);
  }
  return [...first.values()]
    .filter((inv) => regions === null || regions.includes(String(inv.region)))
    .map((inv) => {
      const date = new Date(Number(inv.issued));
      const k = Number(inv.months_covered);
      const reversals = reversed.get(String(inv.invoice_id)) ?? 0;
      return {
        customer: String(inv.customer_id),
        quarter: `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`,
        type: String(inv.transaction_type),
        gross: Number(inv.gross) / k,
        discount: Number(inv.discount) / k,
        reversals: reversals / k,
        net: (Number(inv.gross) - Number(inv.discount) - reversals) / k,
      };
    });
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function expectBarsMatch(bars: readonly QuarterRow[], accounts: readonly FirstMonth[]) {
  let checked = 0;
  for (const bar of bars) {
    const mine = accounts.filter((a) => a.quarter === bar.quarter && a.type === bar.type);
    expect(bar.accounts, `${bar.quarter} ${bar.type}`).toBe(mine.length);
    if (mine.length === 0) {
      expect(bar.avgNet).toBeNull();
      continue;
    }
    expect(bar.avgGross!).toBeCloseTo(mean(mine.map((a) => a.gross)), 6);
    expect(bar.avgDiscounts!).toBeCloseTo(mean(mine.map((a) => a.discount)), 6);
    expect(bar.avgReversals!).toBeCloseTo(mean(mine.map((a) => a.reversals)), 6);
    expect(bar.avgNet!).toBeCloseTo(mean(mine.map((a) => a.net)), 6);
    checked += 1;
  }
  // Every recomputed account sits in a bar.
  expect(bars.reduce((s, b) => s + b.accounts, 0)).toBe(accounts.length);
  return checked;
}

describe('first-month net revenue by acquisition quarter', () => {
  it('matches a recomputation from the staged invoices and reversals, unfiltered and for one region', async () => {
    expect(expectBarsMatch(await quarterRows(NO_FILTERS), await firstMonths(null))).toBeGreaterThan(10);
    expect(expectBarsMatch(await quarterRows({ ...NO_FILTERS, regions: ['EU'] }), await firstMonths(['EU']))).toBeGreaterThan(3);
  });

  it('keeps the quarters starting in the date range', async () => {
    const bars = await quarterRows({ ...NO_FILTERS, dateFrom: '2024-04-01', dateTo: '2024-12-31' });
    expect([...new Set(bars.map((b) => b.quarter))]).toEqual(['2024-Q2', '2024-Q3', '2024-Q4']);
  });

  it('drills down to accounts whose averages are the bar, under the same filters', async () => {
    for (const filters of [NO_FILTERS, { ...NO_FILTERS, regions: ['NA', 'APAC'] }]) {
      let drilled = 0;
      for (const bar of (await quarterRows(filters)).filter((b) => b.accounts > 0)) {
        const accounts = drilldownRowsFromTable(await db.query(drilldownSql(mart('first_month_accounts', filters), bar.quarter, bar.type)));
        expect(accounts.length, `${bar.quarter} ${bar.type}`).toBe(bar.accounts);
        expect(mean(accounts.map((a) => a.net))).toBeCloseTo(bar.avgNet!, 6);
        expect(mean(accounts.map((a) => a.discounts))).toBeCloseTo(bar.avgDiscounts!, 6);
        expect(mean(accounts.map((a) => a.gross - a.discounts - a.reversals - a.net))).toBeCloseTo(0, 9);
        drilled += accounts.length;
      }
      expect(drilled).toBeGreaterThan(20);
    }
  });
});

describe('true-up waterfall', () => {
  it('steps from gross to net for every quarter and type, and the first invoices add up to the recomputation', async () => {
    const trueUp = trueUpRowsFromTable(await db.query(trueUpSql(mart('revenue_true_up', NO_FILTERS))));
    const accounts = await firstMonths(null);
    const quarters = [...new Set(trueUp.map((r) => r.quarter))];
    expect(quarters.length).toBe(8);
    for (const quarter of quarters) {
      for (const type of ['all', ...ACQUISITION_TYPES] as const) {
        for (const scope of ['first_invoice', 'all_invoices'] as const) {
          const amounts = trueUpFor(trueUp, quarter, type, scope)!;
          const deducted = DEDUCTIONS.reduce((s, d) => s + amounts[d.key], 0);
          expect(amounts.gross - deducted, `${quarter} ${type} ${scope}`).toBeCloseTo(amounts.net, 2);
        }
        // The first-invoice scope counts the same accounts as the recomputation.
        const mine = accounts.filter((a) => a.quarter === quarter && (type === 'all' || a.type === type));
        expect(trueUpFor(trueUp, quarter, type, 'first_invoice')!.accounts, `${quarter} ${type}`).toBe(mine.length);
      }
    }
  });

  it('sums the first invoices of all types to the staged invoices of the quarter', async () => {
    const trueUp = trueUpRowsFromTable(await db.query(trueUpSql(mart('revenue_true_up', NO_FILTERS))));
    const expected = await rows(
      db,
      `WITH firsts AS (
         SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY issued_at, invoice_id) AS n FROM stg_invoices
       )
       SELECT strftime(issued_at, '%Y') || '-Q' || CAST(quarter(issued_at) AS VARCHAR) AS quarter,
         CAST(sum(gross_amount) AS DOUBLE) AS gross, CAST(sum(net_amount) AS DOUBLE) AS net_before
       FROM firsts WHERE n = 1 GROUP BY 1`,
    );
    expect(expected.length).toBeGreaterThan(5);
    for (const e of expected) {
      const amounts = trueUpFor(trueUp, String(e.quarter), 'all', 'first_invoice')!;
      expect(amounts.gross, String(e.quarter)).toBeCloseTo(Number(e.gross), 2);
      const discounts = DEDUCTIONS.filter((d) => d.group === 'discount').reduce((s, d) => s + amounts[d.key], 0);
      expect(amounts.gross - discounts, String(e.quarter)).toBeCloseTo(Number(e.net_before), 2);
    }
  });
});

describe('decomposition of the change', () => {
  it('splits the change between the recomputed base and compare averages into group effects that add up to it', async () => {
    for (const filters of [NO_FILTERS, { ...NO_FILTERS, regions: ['EU', 'NA'] }]) {
      const rows21 = decompositionRowsFromTable(await db.query(decompositionSql(mart('first_month_revenue_decomposition', filters))));
      expect(rows21).toHaveLength(21);
      const accounts = (await firstMonths(filters.regions.length ? filters.regions : null)).filter((a) => a.type === 'subscription');
      const base = mean(accounts.filter((a) => a.quarter === '2024-Q1').map((a) => a.net));
      const compare = mean(accounts.filter((a) => a.quarter === '2025-Q1').map((a) => a.net));
      const steps = decompositionSteps(rows21)!;
      expect(steps.map((s) => s.key)).toEqual(['base', 'price', 'seats', 'plan_mix', 'discount', 'reversal', 'compare']);
      expect(steps[0]!.value).toBeCloseTo(base, 6);
      expect(steps.at(-1)!.value).toBeCloseTo(compare, 6);
      const effects = effectGroups(rows21).reduce((s, g) => s + g.effect!, 0);
      expect(effects).toBeCloseTo(compare - base, 6);
    }
  });
});
