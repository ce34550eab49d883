import { describe, expect, it } from 'vitest';
import { needsFor } from '../../../src/import/activation';
import { BROWSER_LIMITS, formatOf, tooLargeMessage } from '../../../src/import/limits';
import { buildableModels } from '../../../src/import/models';
import { SQL_MODELS } from '../../../src/pipeline/sqlFiles';

describe('file formats and the browser limits', () => {
  it('reads the format from the extension', () => {
    expect(['a.CSV', 'b.tsv', 'c.txt', 'd.parquet', 'e.xlsx', 'f.xls', 'g'].map(formatOf)).toEqual(['csv', 'csv', 'csv', 'parquet', 'xlsx', null, null]);
  });
  it('refuses a file over its limit before reading it, naming the size, the limit and the way out', () => {
    expect(tooLargeMessage('a.csv', BROWSER_LIMITS.csv, 'csv')).toBeNull();
    expect(tooLargeMessage('big.xlsx', 65 * 1024 * 1024, 'xlsx')).toBe(
      'big.xlsx is 65 MB: the browser imports Excel files up to 64 MB (its memory stops near 4 GB). Nothing was loaded. Import it with the command line instead: npm run pipeline -- --import big.xlsx ...',
    );
  });
});

describe('the models an import runs', () => {
  it('are the targets and their upstream down to the base tables, which are never rebuilt', () => {
    const plan = buildableModels(SQL_MODELS, ['run_params', 'fct_user_months'], ['retention_cohorts']);
    expect(plan.models.map((m) => m.name)).toEqual(['retention_cohorts']);
    expect(plan.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['retention_cohorts_complete_grid']));
    expect(plan.checks.every((c) => c.references.includes('retention_cohorts'))).toBe(true);
    const growth = buildableModels(SQL_MODELS, ['run_params', 'fct_user_days'], ['social_capital_growth_accounting']);
    expect(growth.models.map((m) => m.name)).toEqual(['growth_user_days', 'growth_accounting_grains', 'social_capital_growth_accounting']);
  });
  it('refuse a target reading what an import does not provide', () => {
    expect(() => buildableModels(SQL_MODELS, ['run_params', 'fct_user_days'], ['miles_analytics'])).toThrow('sql/bronze/stg_events.sql reads "events", which an import does not provide');
  });
  it('say what a missing table would need', () => {
    expect(needsFor('monthly_revenue')).toContain('amount');
    expect(needsFor('retention_cohorts')).toContain('transactions table');
    expect(needsFor('survival_km')).toContain('customers table');
    expect(needsFor('miles_analytics')).toBe('the generated data (an import does not provide its sources)');
  });
});
