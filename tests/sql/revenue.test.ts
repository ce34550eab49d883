import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';
import { addSubscriptionChanges, createEmptyRawTables } from '../helpers/rawFixtures';

/**
 * Worked example (plans: Starter $12 and Growth $20 per seat and month; as of 2024-07-15, so
 * July is partial).
 *   X: trial 5 Jan; pays Starter x2 from 19 Jan ($24); Growth x2 from 10 Mar ($40);
 *      cancels 20 May; reactivates Starter x1 on 2 Jul ($12).
 *   Y: trial 1 Feb; pays Growth x3 from 15 Feb with the 50 % welcome offer for one month
 *      ($30 at the end of February, $60 from 15 March); downgrades to Starter x3 on 3 Apr ($36).
 * Month-end MRR:   Jan  Feb  Mar  Apr  May  Jun  Jul
 *   X               24   24   40   40    0    0   12
 *   Y                -   30   60   36   36   36   36
 * Bridge: Jan new 24; Feb new 30; Mar expansion 16 + 30; Apr contraction 24; May churn 40;
 * Jun nothing (zero churn: LTV is NULL); Jul reactivation 12.
 */
describe('MRR bridge and account cohorts, worked example', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await createEmptyRawTables(db, '2024-07-15');
    await addSubscriptionChanges(db, [
      { customer: 'X', at: '2024-01-05 09:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_starter', seats: 1 },
      { customer: 'X', at: '2024-01-19 09:00:00', type: 'trial_converted', from: 'plan_starter', to: 'plan_starter', seats: 2 },
      { customer: 'X', at: '2024-03-10 09:00:00', type: 'upgraded', from: 'plan_starter', to: 'plan_growth', seats: 2 },
      { customer: 'X', at: '2024-05-20 09:00:00', type: 'cancelled', from: 'plan_growth', to: 'plan_free', seats: 0 },
      { customer: 'X', at: '2024-07-02 09:00:00', type: 'reactivated', from: 'plan_free', to: 'plan_starter', seats: 1 },
      { customer: 'Y', at: '2024-02-01 09:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_growth', seats: 1 },
      { customer: 'Y', at: '2024-02-15 09:00:00', type: 'trial_converted', from: 'plan_growth', to: 'plan_growth', seats: 3, discount: 'disc_welcome_50' },
      { customer: 'Y', at: '2024-04-03 09:00:00', type: 'downgraded', from: 'plan_growth', to: 'plan_starter', seats: 3 },
    ]);
    await runAll(db);
  });
  afterAll(() => db.close());

  it('computes month-end MRR from subscription states, plans and the time-limited discount', async () => {
    const mrr = await rows(db, `SELECT customer_id AS c, strftime(month, '%m') AS m, CAST(mrr AS DOUBLE) AS mrr FROM fct_subscription_months ORDER BY c, m`);
    expect(mrr.map((r) => `${r.c}${r.m}=${r.mrr}`)).toEqual([
      'X01=24', 'X02=24', 'X03=40', 'X04=40', 'X05=0', 'X06=0', 'X07=12',
      'Y02=30', 'Y03=60', 'Y04=36', 'Y05=36', 'Y06=36', 'Y07=36',
    ]);
  });

  it('builds the bridge with its identity, NRR, GRR, logo churn, ARPA, LTV and quick ratio', async () => {
    const bridge = await rows(db, `SELECT strftime(month, '%m') AS m, CAST(start_mrr AS DOUBLE) AS s, CAST(new_mrr AS DOUBLE) AS n, CAST(reactivation_mrr AS DOUBLE) AS r,
      CAST(expansion_mrr AS DOUBLE) AS e, CAST(contraction_mrr AS DOUBLE) AS c, CAST(churned_mrr AS DOUBLE) AS ch, CAST(end_mrr AS DOUBLE) AS en, is_partial_month AS partial
      FROM monthly_revenue ORDER BY month`);
    expect(bridge).toEqual([
      { m: '01', s: 0, n: 24, r: 0, e: 0, c: 0, ch: 0, en: 24, partial: false },
      { m: '02', s: 24, n: 30, r: 0, e: 0, c: 0, ch: 0, en: 54, partial: false },
      { m: '03', s: 54, n: 0, r: 0, e: 46, c: 0, ch: 0, en: 100, partial: false },
      { m: '04', s: 100, n: 0, r: 0, e: 0, c: 24, ch: 0, en: 76, partial: false },
      { m: '05', s: 76, n: 0, r: 0, e: 0, c: 0, ch: 40, en: 36, partial: false },
      { m: '06', s: 36, n: 0, r: 0, e: 0, c: 0, ch: 0, en: 36, partial: false },
      { m: '07', s: 36, n: 0, r: 12, e: 0, c: 0, ch: 0, en: 48, partial: true },
    ]);
    const metrics = await rows(db, `SELECT strftime(month, '%m') AS m, round(nrr, 4) AS nrr, round(grr, 4) AS grr, logo_churn_rate AS churn, arpa, ltv, revenue_quick_ratio AS qr
      FROM monthly_revenue ORDER BY month`);
    const by = Object.fromEntries(metrics.map((r) => [r.m, r]));
    expect(by['01']).toMatchObject({ nrr: null, grr: null, churn: null, arpa: 24, ltv: null, qr: null });
    expect(by['03']).toMatchObject({ nrr: 1.8519, grr: 1, churn: 0, arpa: 50, ltv: null, qr: null });
    expect(by['04']).toMatchObject({ nrr: 0.76, grr: 0.76, churn: 0, qr: 0 });
    expect(by['05']).toMatchObject({ nrr: 0.4737, grr: 0.4737, churn: 0.5, arpa: 36, ltv: 72, qr: 0 });
    expect(by['06']).toMatchObject({ nrr: 1, grr: 1, churn: 0, arpa: 36, ltv: null, qr: null });
    expect(by['07']).toMatchObject({ nrr: 1, churn: 0, arpa: 24, qr: null });
  });

  it('gives logo and revenue retention by first paid month, censored after the as-of date', async () => {
    const cells = await rows(db, `SELECT strftime(cohort, '%m') AS k, month_offset AS o, round(retention_rate, 2) AS logo, round(revenue_retention_rate, 2) AS rev, is_partial_period AS p
      FROM cohort_retention ORDER BY cohort, month_offset`);
    expect(cells.map((c) => `${c.k}+${c.o}:${c.logo}/${c.rev}${c.p ? '*' : ''}`)).toEqual([
      '01+0:100/100', '01+1:100/100', '01+2:100/166.67', '01+3:100/166.67', '01+4:0/0', '01+5:0/0', '01+6:100/50*',
      '02+0:100/100', '02+1:100/200', '02+2:100/120', '02+3:100/120', '02+4:100/120', '02+5:100/120*',
    ]);
  });

  it('places each account at the as-of date in dim_customers', async () => {
    expect(
      await rows(db, `SELECT customer_id AS c, strftime(first_paid_month, '%Y-%m') AS first_paid, current_tier AS tier, CAST(current_mrr AS DOUBLE) AS mrr, is_paying,
        strftime(last_cancelled_at, '%Y-%m-%d') AS cancelled, strftime(upgrade_date, '%Y-%m-%d') AS upgraded FROM dim_customers ORDER BY c`),
    ).toEqual([
      { c: 'X', first_paid: '2024-01', tier: 'Starter', mrr: 12, is_paying: true, cancelled: '2024-05-20', upgraded: '2024-03-10' },
      { c: 'Y', first_paid: '2024-02', tier: 'Starter', mrr: 36, is_paying: true, cancelled: null, upgraded: null },
    ]);
  });

  it('passes every check but billing agreement, which rightly notices this example has no invoices', async () => {
    const failing = await rows(db, `SELECT check_name FROM dq_results WHERE status = 'fail'`);
    expect(failing).toEqual([{ check_name: 'fct_subscription_months_match_invoices' }]);
  });
});
