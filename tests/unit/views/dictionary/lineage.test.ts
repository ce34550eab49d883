import { describe, expect, test } from 'vitest';
import { SQL_MODELS } from '../../../../src/pipeline/sqlFiles';
import type { SqlModel } from '../../../../src/pipeline/sqlModel';
import { buildLineage, lineageOf } from '../../../../src/views/dictionary/lineage';

function model(name: string, layer: SqlModel['layer'], references: string[], checkedModel: string | null = null): SqlModel {
  return { name, layer, path: `sql/${layer}/${name}.sql`, sql: '', description: '', columns: {}, severity: 'error', checkedModel, references, tests: [], materialization: 'table' };
}

// raw orders, customers → stg_orders, stg_customers → fct_orders → mart_revenue, mart_cohorts
const MODELS = [
  model('stg_orders', 'bronze', ['orders']),
  model('stg_customers', 'bronze', ['customers']),
  model('fct_orders', 'silver', ['stg_orders', 'stg_customers', 'stg_orders']),
  model('mart_revenue', 'gold', ['fct_orders']),
  model('mart_cohorts', 'gold', ['fct_orders', 'stg_customers']),
  model('revenue_not_negative', 'checks', ['mart_revenue'], 'mart_revenue'),
];

describe('dictionary lineage (hand-worked graph)', () => {
  const lineage = buildLineage(MODELS);
  test('upstream: what it reads and everything behind that, nearest layer first', () => {
    expect(lineageOf(lineage, 'mart_cohorts')).toMatchObject({
      reads: ['fct_orders', 'stg_customers'],
      upstream: ['fct_orders', 'stg_customers', 'stg_orders', 'customers', 'orders'],
    });
    expect(lineageOf(lineage, 'orders')).toMatchObject({ reads: [], upstream: [] });
  });

  test('downstream: who reads it and everything built from it, nearest first; its checks', () => {
    expect(lineageOf(lineage, 'stg_customers')).toMatchObject({
      readBy: ['fct_orders', 'mart_cohorts'],
      downstream: ['fct_orders', 'mart_cohorts', 'mart_revenue'],
      checkedBy: [],
    });
    expect(lineageOf(lineage, 'orders').downstream).toEqual(['stg_orders', 'fct_orders', 'mart_cohorts', 'mart_revenue']);
    expect(lineageOf(lineage, 'mart_revenue')).toMatchObject({ readBy: [], downstream: [], checkedBy: ['revenue_not_negative'] });
  });

  test('checks are never part of a model lineage', () => {
    expect(lineageOf(lineage, 'mart_revenue').downstream).not.toContain('revenue_not_negative');
    expect(lineageOf(lineage, 'revenue_not_negative')).toEqual({ reads: [], upstream: [], readBy: [], downstream: [], checkedBy: [] });
  });
});

describe('dictionary lineage of the real pipeline', () => {
  const lineage = buildLineage(SQL_MODELS);
  const byName = new Map(SQL_MODELS.map((m) => [m.name, m]));

  test('every model reads what its SQL file references, and is read by the models that reference it', () => {
    for (const m of SQL_MODELS.filter((x) => x.layer !== 'checks')) {
      const l = lineageOf(lineage, m.name);
      expect(l.reads).toEqual([...new Set(m.references)].sort());
      for (const reader of l.readBy) expect(byName.get(reader)!.references).toContain(m.name);
    }
  });

  test('a gold mart traces back to raw tables only through bronze and silver', () => {
    const up = lineageOf(lineage, 'monthly_revenue').upstream;
    expect(up).toContain('fct_mrr_movements');
    const layers = up.map((n) => byName.get(n)?.layer ?? 'raw');
    // Nearest first: never a raw table before a model, never bronze before silver.
    expect(layers).toEqual([...layers].sort((a, b) => ['gold', 'silver', 'bronze', 'raw'].indexOf(a) - ['gold', 'silver', 'bronze', 'raw'].indexOf(b)));
    expect(layers).toContain('raw');
    // Upstream and downstream agree: each upstream table lists monthly_revenue downstream.
    for (const name of up) expect(lineageOf(lineage, name).downstream).toContain('monthly_revenue');
  });
});
