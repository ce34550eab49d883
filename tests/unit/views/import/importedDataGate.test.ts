import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { revenueRows } from '../../../../src/views/import/ImportRevenue';
import { importCoverage } from '../../../../src/views/import/ImportedDataGate';

describe('importCoverage', () => {
  it('splits a view\'s tables into those the import built and those it did not', () => {
    expect(importCoverage(['retention_cohorts', 'survival_km'], ['run_params', 'retention_cohorts'])).toEqual({ covered: ['retention_cohorts'], missing: ['survival_km'] });
    expect(importCoverage([], ['x'])).toEqual({ covered: [], missing: [] });
  });
});

describe('revenueRows', () => {
  it('reads the monthly revenue mart into rows, n/a ratios as null', () => {
    const table = tableFromArrays({
      month: [Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1)],
      is_partial_month: [false, true],
      end_mrr: Float64Array.from([18, 20]),
      paying_accounts_end: Float64Array.from([2, 1]),
      new_mrr: Float64Array.from([18, 0]),
      churned_mrr: Float64Array.from([0, 8]),
      nrr: [null, 1.1],
    });
    expect(revenueRows(table)).toEqual([
      { month: '2024-01', partial: false, revenue: 18, customers: 2, newRevenue: 18, churned: 0, nrr: null },
      { month: '2024-02', partial: true, revenue: 20, customers: 1, newRevenue: 0, churned: 8, nrr: 1.1 },
    ]);
  });
});
