import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateImport, deactivateImport, missingTableMessage } from '../../src/import/activation';
import { NO_RULES } from '../../src/import/rules';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';
import { importCsv } from './importHelpers';

/**
 * A subscriptions import next to a generated dataset (tiny, seed 21): its revenue bridge by
 * hand, and what the views see once it is active: the imported marts under their plain names,
 * generated tables it does not replace failing with what they would need, and everything back
 * as it was afterwards.
 */
const INVOICES = `account,invoice_date,amount,plan
acme,2024-01-15,100,pro
acme,2024-02-15,150,business
acme,2024-03-15,150,business
beta,2024-01-03,50,starter
beta,2024-03-03,50,starter
,2024-03-04,99,pro
`;

describe('a subscriptions import, activated beside generated data', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await loadGenerated(db, { preset: 'tiny', seed: 21 });
    await runAll(db);
    await importCsv(db, 'import_1', INVOICES, { kind: 'subscriptions', mapping: { account_id: 'account', date: 'invoice_date', amount: 'amount', plan: 'plan' }, dateFormat: 'iso', rules: NO_RULES });
  }, 300_000);
  afterAll(() => db.close());

  it('builds the revenue bridge by hand: acme expands, beta churns in February and comes back in March', async () => {
    expect(await rows(db, `SELECT strftime(month, '%Y-%m') AS m, CAST(end_mrr AS DOUBLE) AS end_mrr, CAST(expansion_mrr AS DOUBLE) AS expansion, CAST(churned_mrr AS DOUBLE) AS churned, CAST(reactivation_mrr AS DOUBLE) AS reactivation FROM import_1.monthly_revenue ORDER BY 1`)).toEqual([
      { m: '2024-01', end_mrr: 150, expansion: 0, churned: 0, reactivation: 0 },
      { m: '2024-02', end_mrr: 150, expansion: 50, churned: 50, reactivation: 0 },
      { m: '2024-03', end_mrr: 200, expansion: 0, churned: 0, reactivation: 50 },
    ]);
    expect(await rows(db, `SELECT customer_id, strftime(month, '%Y-%m') AS m, tier FROM import_1.fct_subscription_months WHERE customer_id = 'acme' ORDER BY 2`)).toEqual([
      { customer_id: 'acme', m: '2024-01', tier: 'pro' },
      { customer_id: 'acme', m: '2024-02', tier: 'business' },
      { customer_id: 'acme', m: '2024-03', tier: 'business' },
    ]);
    expect(await rows(db, `SELECT rows FROM import_1.import_summary WHERE step = 'set_aside:no_id'`)).toEqual([{ rows: 1 }]);
  });

  it('once active, plain names read the import, and generated tables it lacks fail with what they need', async () => {
    const generatedCohorts = await rows(db, 'SELECT count(*) AS n FROM retention_cohorts');
    await activateImport(db, 'import_1');
    expect(await rows(db, 'SELECT count(DISTINCT cohort_month) AS n FROM retention_cohorts')).toEqual([{ n: 1 }]);
    await expect(db.query('SELECT * FROM survival_km')).rejects.toThrow(missingTableMessage('survival_km'));
    await expect(db.query('SELECT count(*) FROM dim_customers')).rejects.toThrow('it needs the generated data');
    await deactivateImport(db, 'import_1');
    expect(await rows(db, 'SELECT count(*) AS n FROM retention_cohorts')).toEqual(generatedCohorts);
    expect(await rows(db, `SELECT count(*) AS n FROM duckdb_schemas() WHERE schema_name = 'import_1'`)).toEqual([{ n: 0 }]);
  });
});
