import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';
import { createEmptyRawTables } from '../helpers/rawFixtures';
import { addAccounts, addChanges, addInvoices, addReversals } from '../helpers/revenueFixtures';

/**
 * Worked example of seed 004's revenue investigation (price book: Starter $12, Growth $20,
 * Pro $32 per seat and month, annual = 12 x monthly; welcome offer 50 % for the first month,
 * prepaid 3 months 10 %, annual 15 %). Window from 2024-01-01, as of 2025-02-15, so 2025-Q1 is
 * partial; 2024-Q3 and 2024-Q4 acquire nobody (empty quarters).
 *
 *   account  first invoice                                         k   first month (invoice / k)
 *   A  sub  2024-01-10 Growth x2 monthly, $40                        1   gross 40, net 40
 *   B  sub  2024-02-05 Starter x3 prepaid 3 months, $108 - 10.80     3   gross 36, prepaid_3 3.60, net 32.40
 *   C  sub  2024-03-01 Growth x2 welcome, $40 - 20, refund $5        1   gross 40, welcome 20, refund 5, net 15
 *   G  add  2024-02-20 add-on $49                                    1   gross 49, net 49
 *   H  gift 2024-05-05 gift $75                                      1   gross 75, net 75
 *   D  sub  2025-01-05 Starter x1 welcome, $12 - 6, unsatisfied return of all $6   gross 12, welcome 6, return 6, net 0
 *   E  sub  2025-01-20 Growth x2 annual, $480 - 72                  12   gross 40, annual 6, net 34
 *   F  sub  2025-02-01 Pro x5 monthly, $160, refunded in full        1   gross 160, refund 160, net 0
 *   I  trial that expired: never paid, in no mart.
 * Later invoices: A pays a second month ($40, 2024-02-10) and buys an add-on a year later
 * ($29, 2025-01-15); C buys a $30 gift on 2024-03-20. States and invoices agree, so the billing
 * check passes too (A cancels 2024-03-10, B 2024-05-05, C 2024-04-01, D 2025-02-05).
 *
 * Averages, subscription accounts:
 *   2024-Q1 (A, B, C): gross 116/3, welcome 20/3, prepaid_3 1.20, refund 5/3, net 87.4/3 = 29.1333
 *   2025-Q1 (D, E, F): gross 212/3, welcome 2, annual 2, refund 160/3, return 2, net 34/3 = 11.3333
 *   change -17.80.
 *
 * Decomposition, N = G (1 - d)(1 - r), G = sum_t w_t S_t P_t:
 *   base    Starter w 1/3 S 3 P 12; Growth w 2/3 S 2 P 20; Pro absent (takes S 5, P 32)
 *   compare Starter w 1/3 S 1 P 12; Growth w 1/3 S 2 P 20; Pro w 1/3 S 5 P 32
 *   d0 = 23.6/116, d1 = 12/212; r0 = 5/92.4, r1 = 166/200.
 * Prices do not move: every price effect is 0. Starter's share does not move, so G is additive
 * in its two moving players: mix adds 40 (Growth -40/3, Pro +160/3) and seats -8 (Starter
 * 1/3 x -2 x 12). With A = 1 - d and B = 1 - r, Shapley gives a G-player
 * effect x K, K = A0B0/3 + A1B0/6 + A0B1/6 + A1B1/3 = 0.4759019515; so plan_mix Growth
 * -6.3453593530, Pro 25.3814374122, seats Starter -3.8072156118. The discount effect is
 * -(d1 - d0) x c_d with c_d = sum over coalitions S of {mix, seats, reversal} of
 * weight(|S|) x G(S) x B(S), weights 1/4, 1/12, 1/12, 1/4 by size: c_d = 28.4318903319, so
 * welcome_offer 4.0973739158, prepaid_3 0.8823690103, annual -0.8046761415; the reversal
 * effect likewise with c_r = 47.9501626545: refund -35.7654243523, unsatisfied_return
 * -1.4385048796. They add up to -17.80 exactly (checked in exact fractions by hand).
 */
describe('seed 004 revenue investigation, worked example', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await createEmptyRawTables(db, '2025-02-15');
    await addAccounts(db, [
      { id: 'A', signup: '2024-01-01 09:00:00', planAtSignup: 'Growth' },
      { id: 'B', signup: '2024-01-15 09:00:00', planAtSignup: 'Free' },
      { id: 'C', signup: '2024-02-20 09:00:00', planAtSignup: 'Growth' },
      { id: 'G', signup: '2024-02-01 09:00:00', planAtSignup: 'Free' },
      { id: 'H', signup: '2024-05-01 09:00:00', planAtSignup: 'Free' },
      { id: 'D', signup: '2024-12-22 09:00:00' },
      { id: 'E', signup: '2025-01-02 09:00:00', planAtSignup: 'Free' },
      { id: 'F', signup: '2025-01-03 09:00:00', planAtSignup: 'Free' },
      { id: 'I', signup: '2024-06-01 09:00:00' },
    ]);
    await addChanges(db, [
      { customer: 'A', at: '2024-01-01 09:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_growth', seats: 2 },
      { customer: 'A', at: '2024-01-10 10:00:00', type: 'trial_converted', from: 'plan_growth', to: 'plan_growth', seats: 2 },
      { customer: 'A', at: '2024-03-10 10:00:00', type: 'cancelled', from: 'plan_growth', to: 'plan_free', seats: 0 },
      { customer: 'B', at: '2024-02-05 10:00:00', type: 'upgraded', from: 'plan_free', to: 'plan_starter', seats: 3, discount: 'disc_prepaid_3' },
      { customer: 'B', at: '2024-05-05 10:00:00', type: 'cancelled', from: 'plan_starter', to: 'plan_free', seats: 0 },
      { customer: 'C', at: '2024-02-20 09:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_growth', seats: 2 },
      { customer: 'C', at: '2024-03-01 10:00:00', type: 'trial_converted', from: 'plan_growth', to: 'plan_growth', seats: 2, discount: 'disc_welcome_50' },
      { customer: 'C', at: '2024-04-01 09:00:00', type: 'cancelled', from: 'plan_growth', to: 'plan_free', seats: 0 },
      { customer: 'I', at: '2024-06-01 09:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_starter', seats: 1 },
      { customer: 'I', at: '2024-06-15 09:00:00', type: 'trial_expired', from: 'plan_starter', to: 'plan_free', seats: 1 },
      { customer: 'D', at: '2024-12-22 09:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_starter', seats: 1 },
      { customer: 'D', at: '2025-01-05 10:00:00', type: 'trial_converted', from: 'plan_starter', to: 'plan_starter', seats: 1, discount: 'disc_welcome_50' },
      { customer: 'D', at: '2025-02-05 09:00:00', type: 'cancelled', from: 'plan_starter', to: 'plan_free', seats: 0 },
      { customer: 'E', at: '2025-01-20 10:00:00', type: 'upgraded', from: 'plan_free', to: 'plan_growth', seats: 2, billing: 'annual', discount: 'disc_annual_15' },
      { customer: 'F', at: '2025-02-01 10:00:00', type: 'upgraded', from: 'plan_free', to: 'plan_pro', seats: 5 },
    ]);
    await addInvoices(db, [
      { id: 'INV-A1', customer: 'A', start: '2024-01-10', end: '2024-02-09', plan: 'plan_growth', gross: 40 },
      { id: 'INV-A2', customer: 'A', start: '2024-02-10', end: '2024-03-09', plan: 'plan_growth', gross: 40 },
      { id: 'INV-A3', customer: 'A', start: '2025-01-15', end: '2025-01-15', gross: 29, type: 'add_on' },
      { id: 'INV-B1', customer: 'B', start: '2024-02-05', end: '2024-05-04', plan: 'plan_starter', gross: 108, discount: 10.8, discountId: 'disc_prepaid_3' },
      { id: 'INV-C1', customer: 'C', start: '2024-03-01', end: '2024-03-31', plan: 'plan_growth', gross: 40, discount: 20, discountId: 'disc_welcome_50' },
      { id: 'INV-C2', customer: 'C', start: '2024-03-20', end: '2024-03-20', gross: 30, type: 'gift' },
      { id: 'INV-G1', customer: 'G', start: '2024-02-20', end: '2024-02-20', gross: 49, type: 'add_on' },
      { id: 'INV-H1', customer: 'H', start: '2024-05-05', end: '2024-05-05', gross: 75, type: 'gift' },
      { id: 'INV-D1', customer: 'D', start: '2025-01-05', end: '2025-02-04', plan: 'plan_starter', gross: 12, discount: 6, discountId: 'disc_welcome_50' },
      { id: 'INV-E1', customer: 'E', start: '2025-01-20', end: '2026-01-19', plan: 'plan_growth', gross: 480, discount: 72, discountId: 'disc_annual_15' },
      { id: 'INV-F1', customer: 'F', start: '2025-02-01', end: '2025-02-28', plan: 'plan_pro', gross: 160 },
    ]);
    await addReversals(db, [
      { id: 'REV-C1', invoice: 'INV-C1', at: '2024-03-10 15:00:00', amount: 5, reason: 'refund' },
      { id: 'REV-D1', invoice: 'INV-D1', at: '2025-01-15 15:00:00', amount: 6, reason: 'unsatisfied_return' },
      { id: 'REV-F1', invoice: 'INV-F1', at: '2025-02-10 15:00:00', amount: 160, reason: 'refund' },
    ]);
    await runAll(db);
  });
  afterAll(() => db.close());

  it('passes every check', async () => {
    expect(await rows(db, `SELECT check_name, failing_rows FROM dq_results WHERE status <> 'pass'`)).toEqual([]);
  });

  it('recognises each account\'s first month pro rata', async () => {
    const accounts = await rows(db, `SELECT customer_id AS id, acquisition_type AS type, acquisition_quarter AS q, months_covered AS k, tier, billing_period AS billing, seats,
        list_price_per_seat AS price, discount_kind AS kind, round(gross, 9) AS gross, round(welcome_offer_discount + prepaid_3_discount + prepaid_6_discount + annual_discount + promo_discount + other_discount, 9) AS discount,
        round(refund, 9) AS refund, round(chargeback, 9) AS chargeback, round(unsatisfied_return, 9) AS ret, has_unsatisfied_return AS returned, round(net, 9) AS net
      FROM first_month_accounts ORDER BY customer_id`);
    expect(accounts).toEqual([
      { id: 'A', type: 'subscription', q: '2024-Q1', k: 1, tier: 'Growth', billing: 'monthly', seats: 2, price: 20, kind: null, gross: 40, discount: 0, refund: 0, chargeback: 0, ret: 0, returned: false, net: 40 },
      { id: 'B', type: 'subscription', q: '2024-Q1', k: 3, tier: 'Starter', billing: 'monthly', seats: 3, price: 12, kind: 'prepaid_3', gross: 36, discount: 3.6, refund: 0, chargeback: 0, ret: 0, returned: false, net: 32.4 },
      { id: 'C', type: 'subscription', q: '2024-Q1', k: 1, tier: 'Growth', billing: 'monthly', seats: 2, price: 20, kind: 'welcome_offer', gross: 40, discount: 20, refund: 5, chargeback: 0, ret: 0, returned: false, net: 15 },
      { id: 'D', type: 'subscription', q: '2025-Q1', k: 1, tier: 'Starter', billing: 'monthly', seats: 1, price: 12, kind: 'welcome_offer', gross: 12, discount: 6, refund: 0, chargeback: 0, ret: 6, returned: true, net: 0 },
      { id: 'E', type: 'subscription', q: '2025-Q1', k: 12, tier: 'Growth', billing: 'annual', seats: 2, price: 20, kind: 'annual', gross: 40, discount: 6, refund: 0, chargeback: 0, ret: 0, returned: false, net: 34 },
      { id: 'F', type: 'subscription', q: '2025-Q1', k: 1, tier: 'Pro', billing: 'monthly', seats: 5, price: 32, kind: null, gross: 160, discount: 0, refund: 160, chargeback: 0, ret: 0, returned: false, net: 0 },
      { id: 'G', type: 'add_on', q: '2024-Q1', k: 1, tier: null, billing: null, seats: null, price: null, kind: null, gross: 49, discount: 0, refund: 0, chargeback: 0, ret: 0, returned: false, net: 49 },
      { id: 'H', type: 'gift', q: '2024-Q2', k: 1, tier: null, billing: null, seats: null, price: null, kind: null, gross: 75, discount: 0, refund: 0, chargeback: 0, ret: 0, returned: false, net: 75 },
    ]);
  });

  it('averages first-month revenue by acquisition quarter and type, with the shares that drive it', async () => {
    const grid = await rows(db, `SELECT acquisition_quarter AS q, acquisition_type AS t, accounts AS n, is_partial_quarter AS partial, avg_net FROM first_month_net_revenue ORDER BY quarter_start, acquisition_type`);
    // Five quarters x three types; empty cells have 0 accounts and NULL averages.
    expect(grid.map((r) => `${r.q}/${r.t}:${r.n}${r.partial ? '*' : ''}${r.avg_net === null ? '/null' : ''}`)).toEqual([
      '2024-Q1/add_on:1', '2024-Q1/gift:0/null', '2024-Q1/subscription:3',
      '2024-Q2/add_on:0/null', '2024-Q2/gift:1', '2024-Q2/subscription:0/null',
      '2024-Q3/add_on:0/null', '2024-Q3/gift:0/null', '2024-Q3/subscription:0/null',
      '2024-Q4/add_on:0/null', '2024-Q4/gift:0/null', '2024-Q4/subscription:0/null',
      '2025-Q1/add_on:0*/null', '2025-Q1/gift:0*/null', '2025-Q1/subscription:3*',
    ]);
    const sub = await rows(db, `SELECT * EXCLUDE (quarter_start) FROM first_month_net_revenue WHERE acquisition_type = 'subscription' AND accounts > 0 ORDER BY quarter_start`);
    const close = (actual: Record<string, unknown>, expected: Record<string, number | null>) => {
      for (const [k, v] of Object.entries(expected)) {
        if (v === null) expect(actual[k], k).toBeNull();
        else expect(actual[k] as number, k).toBeCloseTo(v, 9);
      }
    };
    close(sub[0]!, {
      accounts: 3, avg_gross: 116 / 3, avg_welcome_offer_discount: 20 / 3, avg_prepaid_3_discount: 1.2, avg_prepaid_6_discount: 0, avg_annual_discount: 0,
      avg_promo_discount: 0, avg_other_discount: 0, avg_refund: 5 / 3, avg_chargeback: 0, avg_unsatisfied_return: 0, avg_net: 87.4 / 3,
      welcome_offer_share: 1 / 3, prepaid_share: 1 / 3, annual_share: 0, starter_share: 1 / 3, growth_share: 2 / 3, pro_share: 0, enterprise_share: 0,
      avg_seats: 7 / 3, avg_list_price_per_seat: 52 / 3, unsatisfied_return_rate: 0,
    });
    close(sub[1]!, {
      accounts: 3, avg_gross: 212 / 3, avg_welcome_offer_discount: 2, avg_prepaid_3_discount: 0, avg_annual_discount: 2, avg_refund: 160 / 3,
      avg_unsatisfied_return: 2, avg_net: 34 / 3, welcome_offer_share: 1 / 3, prepaid_share: 0, annual_share: 1 / 3, starter_share: 1 / 3,
      growth_share: 1 / 3, pro_share: 1 / 3, enterprise_share: 0, avg_seats: 8 / 3, avg_list_price_per_seat: 64 / 3, unsatisfied_return_rate: 1 / 3,
    });
    const addOn = (await rows(db, `SELECT avg_gross, avg_net, starter_share, avg_seats, welcome_offer_share FROM first_month_net_revenue WHERE acquisition_quarter = '2024-Q1' AND acquisition_type = 'add_on'`))[0]!;
    expect(addOn).toEqual({ avg_gross: 49, avg_net: 49, starter_share: null, avg_seats: null, welcome_offer_share: 0 });
  });

  it('trues up gross to net to the cent, per acquisition quarter and scope', async () => {
    const waterfall = await rows(db, `SELECT acquisition_quarter AS q, scope, accounts, invoices,
        CAST(price_book_gross AS DOUBLE) AS book, CAST(gross AS DOUBLE) AS gross, CAST(gross_plug AS DOUBLE) AS plug,
        CAST(welcome_offer_discount AS DOUBLE) AS welcome, CAST(prepaid_3_discount AS DOUBLE) AS prepaid_3, CAST(annual_discount AS DOUBLE) AS annual,
        CAST(net_before_reversals AS DOUBLE) AS before, CAST(refund AS DOUBLE) AS refund, CAST(unsatisfied_return AS DOUBLE) AS ret,
        CAST(net AS DOUBLE) AS net, CAST(true_up_difference AS DOUBLE) AS diff
      FROM revenue_true_up WHERE acquisition_type = 'subscription' AND acquisition_quarter IN ('2024-Q1', '2024-Q3', '2025-Q1') ORDER BY quarter_start, scope DESC`);
    expect(waterfall).toEqual([
      // A, B, C's first invoices: 40 + 108 + 40 = 188; - 20 welcome - 10.80 prepaid = 157.20; - 5 refund = 152.20.
      { q: '2024-Q1', scope: 'first_invoice', accounts: 3, invoices: 3, book: 188, gross: 188, plug: 0, welcome: 20, prepaid_3: 10.8, annual: 0, before: 157.2, refund: 5, ret: 0, net: 152.2, diff: 0 },
      // Plus A's second month (40) and add-on (29) and C's gift (30), at their invoice gross.
      { q: '2024-Q1', scope: 'all_invoices', accounts: 3, invoices: 6, book: 287, gross: 287, plug: 0, welcome: 20, prepaid_3: 10.8, annual: 0, before: 256.2, refund: 5, ret: 0, net: 251.2, diff: 0 },
      { q: '2024-Q3', scope: 'first_invoice', accounts: 0, invoices: 0, book: 0, gross: 0, plug: 0, welcome: 0, prepaid_3: 0, annual: 0, before: 0, refund: 0, ret: 0, net: 0, diff: 0 },
      { q: '2024-Q3', scope: 'all_invoices', accounts: 0, invoices: 0, book: 0, gross: 0, plug: 0, welcome: 0, prepaid_3: 0, annual: 0, before: 0, refund: 0, ret: 0, net: 0, diff: 0 },
      // D, E, F: 12 + 480 + 160 = 652; - 6 welcome - 72 annual = 574; - 160 refund (in full) - 6 unsatisfied return = 408.
      { q: '2025-Q1', scope: 'first_invoice', accounts: 3, invoices: 3, book: 652, gross: 652, plug: 0, welcome: 6, prepaid_3: 0, annual: 72, before: 574, refund: 160, ret: 6, net: 408, diff: 0 },
      { q: '2025-Q1', scope: 'all_invoices', accounts: 3, invoices: 3, book: 652, gross: 652, plug: 0, welcome: 6, prepaid_3: 0, annual: 72, before: 574, refund: 160, ret: 6, net: 408, diff: 0 },
    ]);
    expect((await rows(db, `SELECT count(*) AS n FROM revenue_true_up`))[0]).toEqual({ n: 30 });
  });

  it('decomposes the change in first-month net revenue into Shapley effects that add up exactly', async () => {
    const effects = await rows(db, `SELECT base_quarter, compare_quarter, is_partial_compare, base_accounts, compare_accounts, base_avg_net, compare_avg_net, total_change,
        sort_order, effect_group, component, base_value, compare_value, effect FROM first_month_revenue_decomposition ORDER BY sort_order`);
    expect(effects).toHaveLength(21);
    for (const e of effects) {
      expect(e).toMatchObject({ base_quarter: '2024-Q1', compare_quarter: '2025-Q1', is_partial_compare: true, base_accounts: 3, compare_accounts: 3 });
      expect(e.base_avg_net as number).toBeCloseTo(87.4 / 3, 9);
      expect(e.compare_avg_net as number).toBeCloseTo(34 / 3, 9);
      expect(e.total_change as number).toBeCloseTo(-17.8, 9);
    }
    const expected: Record<string, number> = {
      'price/Starter': 0, 'price/Growth': 0, 'price/Pro': 0, 'price/Enterprise': 0,
      'seats/Starter': -3.8072156118, 'seats/Growth': 0, 'seats/Pro': 0, 'seats/Enterprise': 0,
      'plan_mix/Starter': 0, 'plan_mix/Growth': -6.345359353, 'plan_mix/Pro': 25.3814374122, 'plan_mix/Enterprise': 0,
      'discount/welcome_offer': 4.0973739158, 'discount/prepaid_3': 0.8823690103, 'discount/prepaid_6': 0, 'discount/annual': -0.8046761415,
      'discount/promo': 0, 'discount/other': 0,
      'reversal/refund': -35.7654243523, 'reversal/chargeback': 0, 'reversal/unsatisfied_return': -1.4385048796,
    };
    expect(effects.map((e) => `${e.effect_group}/${e.component}`)).toEqual(Object.keys(expected));
    for (const e of effects) expect(e.effect as number, `${e.effect_group}/${e.component}`).toBeCloseTo(expected[`${e.effect_group}/${e.component}`]!, 9);
    const sum = effects.reduce((s, e) => s + (e.effect as number), 0);
    expect(Math.abs(sum - -17.8)).toBeLessThan(1e-9);
    // The factors behind the effects: Pro had no account in the base quarter.
    const factor = (key: string) => effects.find((e) => `${e.effect_group}/${e.component}` === key)!;
    expect(factor('price/Pro')).toMatchObject({ base_value: null, compare_value: 32 });
    expect(factor('seats/Starter')).toMatchObject({ base_value: 3, compare_value: 1 });
    expect(factor('plan_mix/Pro')).toMatchObject({ base_value: 0 });
    expect(factor('reversal/refund').compare_value as number).toBeCloseTo(0.8, 12);
    expect(factor('discount/welcome_offer').base_value as number).toBeCloseTo(20 / 116, 12);
  });

  it('drills down and across transactions by acquisition, transaction type and period', async () => {
    // Accounts acquired through a subscription in 2024-Q1 still buying add-ons or gifts a year later: A's $29 add-on.
    const yearLater = await rows(db, `SELECT customers, transactions, CAST(gross AS DOUBLE) AS gross, CAST(net AS DOUBLE) AS net, quarters_since_acquisition AS since, is_partial_period AS partial
      FROM cube_customer_transaction_behavior
      WHERE acquisition_type = 'subscription' AND acquisition_quarter = '2024-Q1' AND transaction_group = 'one_off' AND is_all_transaction_types
        AND period_quarter = '2025-Q1' AND is_all_months`);
    expect(yearLater).toEqual([{ customers: 1, transactions: 1, gross: 29, net: 29, since: 4, partial: true }]);
    const total = await rows(db, `SELECT customers, transactions, CAST(gross AS DOUBLE) AS gross, CAST(discounts AS DOUBLE) AS discounts, CAST(reversals AS DOUBLE) AS reversals, CAST(net AS DOUBLE) AS net
      FROM cube_customer_transaction_behavior WHERE grain = 'total'`);
    // 8 accounts, 11 invoices: gross 1063, discounts 108.80, reversals 5 + 6 + 160 = 171, net 783.20.
    expect(total).toEqual([{ customers: 8, transactions: 11, gross: 1063, discounts: 108.8, reversals: 171, net: 783.2 }]);
    const byType = await rows(db, `SELECT transaction_type AS t, customers, transactions, CAST(gross AS DOUBLE) AS gross FROM cube_customer_transaction_behavior
      WHERE acquisition_type = 'subscription' AND grain = 'acquisition_type x transaction_type' ORDER BY t`);
    expect(byType).toEqual([
      { t: 'add_on', customers: 1, transactions: 1, gross: 29 },
      { t: 'gift', customers: 1, transactions: 1, gross: 30 },
      { t: 'subscription', customers: 6, transactions: 7, gross: 880 },
    ]);
    const months = await rows(db, `SELECT strftime(period_month, '%Y-%m') AS m, customers, transactions, CAST(gross AS DOUBLE) AS gross, is_partial_period AS partial
      FROM cube_customer_transaction_behavior WHERE grain = 'month' ORDER BY m`);
    expect(months).toEqual([
      { m: '2024-01', customers: 1, transactions: 1, gross: 40, partial: false },
      { m: '2024-02', customers: 3, transactions: 3, gross: 197, partial: false },
      { m: '2024-03', customers: 1, transactions: 2, gross: 70, partial: false },
      { m: '2024-05', customers: 1, transactions: 1, gross: 75, partial: false },
      { m: '2025-01', customers: 3, transactions: 3, gross: 521, partial: false },
      { m: '2025-02', customers: 1, transactions: 1, gross: 160, partial: true },
    ]);
    const grains = await rows(db, `SELECT count(DISTINCT grain) AS n FROM cube_customer_transaction_behavior`);
    expect(grains).toEqual([{ n: 36 }]);
  });

  it('gives NULL effects, still adding up, when the base quarter acquired nobody', async () => {
    await db.exec(`UPDATE run_params SET window_start = DATE '2023-01-01'`);
    await runAll(db);
    const effects = await rows(db, `SELECT DISTINCT base_quarter, compare_quarter, base_accounts, compare_accounts, base_avg_net, total_change, effect FROM first_month_revenue_decomposition`);
    expect(effects).toEqual([{ base_quarter: '2023-Q1', compare_quarter: '2024-Q1', base_accounts: 0, compare_accounts: 3, base_avg_net: null, total_change: null, effect: null }]);
    const quarters = await rows(db, `SELECT count(*) AS n, count(*) FILTER (WHERE accounts = 0) AS empty FROM first_month_net_revenue WHERE quarter_start < DATE '2024-01-01'`);
    expect(quarters).toEqual([{ n: 12, empty: 12 }]);
    expect(await rows(db, `SELECT check_name FROM dq_results WHERE status <> 'pass'`)).toEqual([]);
  });
});

/**
 * The whole pipeline on generated data (seed 7, 6 000 accounts, as stories.test.ts uses):
 * the checks pass but for the planted warnings, and the marts show story 6.
 */
describe('revenue investigation on generated data (seed 7, 6 000 accounts)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await loadGenerated(db, { seed: 7, accounts: 6000 });
    await runAll(db);
  }, 300_000);
  afterAll(() => db.close());

  it('passes every check but the planted warnings', async () => {
    const flagged = await rows(db, `SELECT check_name, status FROM dq_results WHERE status <> 'pass' ORDER BY check_name`);
    expect(flagged).toEqual([
      { check_name: 'dim_users_no_negative_miles_balance', status: 'warn' },
      { check_name: 'not_null_stg_customers_country', status: 'warn' },
      { check_name: 'not_null_stg_events_country', status: 'warn' },
      { check_name: 'stg_rejects_no_rejected_rows', status: 'warn' },
    ]);
  });

  it('shows first-month net revenue of subscription-acquired accounts falling by about half from 2024-Q1 to 2025-Q1, as story 6 measures it', async () => {
    const marts = await rows(db, `SELECT acquisition_quarter AS q, accounts, avg_net, welcome_offer_share, prepaid_share, unsatisfied_return_rate, avg_seats
      FROM first_month_net_revenue WHERE acquisition_type = 'subscription' AND acquisition_quarter IN ('2024-Q1', '2025-Q1') ORDER BY q`);
    type Quarter = { accounts: number; avg_net: number; welcome_offer_share: number; prepaid_share: number; unsatisfied_return_rate: number; avg_seats: number };
    const [q24, q25] = marts as unknown as [Quarter, Quarter];
    const ratio = q25.avg_net / q24.avg_net;
    expect(ratio).toBeGreaterThan(0.38);
    expect(ratio).toBeLessThan(0.62);
    expect(q25.welcome_offer_share).toBeGreaterThan(q24.welcome_offer_share);
    expect(q25.prepaid_share).toBeGreaterThan(q24.prepaid_share);
    expect(q25.unsatisfied_return_rate).toBeGreaterThan(q24.unsatisfied_return_rate);
    expect(q25.avg_seats).toBeLessThan(q24.avg_seats);
    // Story 6's own measure, from the raw export (stories.test.ts): the marts agree within 2 %
    // (staging rejects a few invoices whose amounts are unreadable).
    const story = await rows(db, `WITH inv AS (
        SELECT invoice_id, customer_id, issued_at, transaction_type,
          TRY_CAST(replace(replace(net_amount, ',', ''), '$', '') AS DOUBLE) AS net, datediff('month', period_start, period_end + 1) AS months
        FROM invoices),
      firsts AS (SELECT * FROM inv QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY issued_at, invoice_id) = 1)
      SELECT year(f.issued_at) AS y, count(*) AS n, avg((f.net - coalesce(r.amount, 0)) / f.months) AS first_month_net
      FROM firsts f LEFT JOIN reversals r USING (invoice_id)
      WHERE f.transaction_type = 'subscription' AND quarter(f.issued_at) = 1 GROUP BY y ORDER BY y`);
    expect(Math.abs(q24.avg_net / (story[0]!.first_month_net as number) - 1)).toBeLessThan(0.02);
    expect(Math.abs(q25.avg_net / (story[1]!.first_month_net as number) - 1)).toBeLessThan(0.02);
    expect(Math.abs(q24.accounts - (story[0]!.n as number))).toBeLessThanOrEqual(3);
  });

  it('decomposes the drop into effects that add up to it exactly, led by discounts, mix and returns', async () => {
    const groups = await rows(db, `SELECT effect_group AS g, sum(effect) AS effect, any_value(total_change) AS total FROM first_month_revenue_decomposition GROUP BY 1`);
    const by: Record<string, number> = Object.fromEntries(groups.map((r) => [r.g as string, r.effect as number]));
    const total = groups[0]!.total as number;
    expect(total).toBeLessThan(0);
    expect(Math.abs(Object.values(by).reduce((s, v) => s + v, 0) - total)).toBeLessThan(1e-9);
    // List prices per seat did not change; the drop comes from the other drivers.
    expect(Math.abs(by.price!)).toBeLessThan(1e-9);
    expect(by.discount!).toBeLessThan(0);
    expect(by.reversal!).toBeLessThan(0);
    expect(by.plan_mix! + by.seats!).toBeLessThan(0);
    const welcome = await rows(db, `SELECT effect FROM first_month_revenue_decomposition WHERE component = 'welcome_offer'`);
    expect(welcome[0]!.effect as number).toBeLessThan(0);
  });

  it('shows seed 000\'s funnel stories in the funnel and customer marts', async () => {
    // Story 1: more sign-ups a month in Q1 and Q4; story 2: referral trials convert far better than social ones.
    const season = await rows(db, `SELECT avg(signups) FILTER (WHERE quarter(month) IN (1, 4)) / avg(signups) FILTER (WHERE quarter(month) IN (2, 3)) AS ratio FROM monthly_funnel`);
    expect(season[0]!.ratio as number).toBeGreaterThan(1.15);
    const channels = await rows(db, `SELECT acquisition_channel AS ch, sum(converted) / sum(trials_started) AS rate, max(median_days_to_convert) AS slowest
      FROM trial_conversion_cohorts WHERE is_cohort_complete GROUP BY 1`);
    const rate = Object.fromEntries(channels.map((r) => [r.ch as string, r.rate as number]));
    expect(rate.referral! / rate.social!).toBeGreaterThan(1.4);
    for (const c of channels) expect(c.slowest as number).toBeLessThanOrEqual(14);
    const users = await rows(db, `SELECT (SELECT count(*) FROM churn_flags) AS flags, (SELECT count(*) FROM user_master) AS master, (SELECT count(*) FROM stg_users) AS users`);
    expect(users[0]!.flags).toBe(users[0]!.users);
    expect(users[0]!.master).toBe(users[0]!.users);
  });

  it('trues up every acquisition quarter to the cent and finds billing on the price book', async () => {
    const r = await rows(db, `SELECT count(*) AS n, count(*) FILTER (WHERE true_up_difference <> 0) AS open, count(*) FILTER (WHERE gross_plug <> 0) AS plugs,
      sum(invoices) FILTER (WHERE scope = 'all_invoices') AS invoices FROM revenue_true_up`);
    const invoices = await rows(db, `SELECT count(*) AS n FROM fct_invoices`);
    expect(r[0]).toEqual({ n: 48, open: 0, plugs: 0, invoices: invoices[0]!.n });
  });
});

/**
 * No invoice at all (only the price book): the cube has no row (not an empty grand total),
 * every quarter of the first-month mart has 0 accounts and NULL averages, the true-up is all
 * zeros, the decomposition keeps its 21 rows with NULL effects, and every check passes.
 */
describe('revenue investigation without any invoice', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await createEmptyRawTables(db, '2024-05-20');
    await runAll(db);
  });
  afterAll(() => db.close());

  it('stays empty, NULL where a denominator is 0, and passes every check', async () => {
    expect(await rows(db, `SELECT count(*) AS n FROM cube_customer_transaction_behavior`)).toEqual([{ n: 0 }]);
    expect(await rows(db, `SELECT count(*) AS n, sum(accounts) AS accounts, count(avg_net) AS averages, count(*) FILTER (WHERE is_partial_quarter) AS partial FROM first_month_net_revenue`))
      .toEqual([{ n: 6, accounts: 0, averages: 0, partial: 3 }]);
    expect(await rows(db, `SELECT count(*) AS n, sum(CAST(gross AS DOUBLE)) AS gross, sum(CAST(true_up_difference AS DOUBLE)) AS diff FROM revenue_true_up`))
      .toEqual([{ n: 12, gross: 0, diff: 0 }]);
    expect(await rows(db, `SELECT count(*) AS n, count(effect) AS effects, any_value(base_quarter) AS base, any_value(compare_quarter) AS compare FROM first_month_revenue_decomposition`))
      .toEqual([{ n: 21, effects: 0, base: '2024-Q1', compare: '2025-Q1' }]);
    expect(await rows(db, `SELECT check_name FROM dq_results WHERE status <> 'pass'`)).toEqual([]);
  });
});
