import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';
import { createEmptyRawTables } from '../helpers/rawFixtures';
import { addAccounts, addChanges, addInvoices, addNps, addReversals, addTickets, addUsers } from '../helpers/revenueFixtures';

/**
 * Worked example of seed 000's funnel and customer marts. Window from 2024-01-01, as of
 * 2024-04-10 (April is partial). Starter $12 and Growth $20 per seat and month.
 *
 *   account channel  sign-up  path                                                         invoices
 *   K1  organic  01-03  trial 01-03, converts 01-17 15:00 (day 14: inside), Starter x2         $24 x3 from 01-17, + $19 add-on 02-02
 *   K9  organic  01-05  trial 01-05, converts 01-09 (day 4), Starter x1, cancels 02-09          $12 (01-09..02-08)
 *   K2  organic  01-10  trial 01-10, converts 01-25 (day 15: after the trial), cancels 02-25    $12 (01-25..02-24)
 *   K3  paid     01-20  trial 01-20, expires 02-03, upgrades from Free 03-05, Starter x1         $12 x2 from 03-05
 *   K8  social   02-01  Free, upgrades 02-05, cancels 02-20; refunded in full                   $12 (02-05..02-19)
 *   K6  social   02-10  Free, never pays
 *   K4  referral 03-25  trial 03-25 (Growth), converts 03-30 (day 5), Growth x2                 $40 (03-30..04-29)
 *   K5  referral 03-30  trial 03-30 (Growth), still open at the as-of date (ends 04-13)
 *   K7  organic  04-20  signs up after the as-of date: not counted
 *
 * monthly_funnel:
 *   Jan: 4 sign-ups, 4 trials, 2 converted within 14 days (K1, K9) = 50 %; paid conversions
 *        K1, K9, K2 = 3; every sign-up paid by April (K3 via Free) = 100 %.
 *   Feb: 2 sign-ups, no trial (trial-to-paid NULL, sign-up-to-trial 0); K8 converts = 1; 1/2 paid.
 *   Mar: 2 sign-ups, 2 trials, 1 converted, 1 open = 50 %; paid conversions K3, K4 = 2; 1/2 paid.
 *   Apr: partial, nothing: every rate NULL.
 * trial_conversion_cohorts: Jan organic 3 trials, 2 converted in 14 and 4 days (median 9);
 * Jan paid 1, 0 (median NULL); Jan all 4, 2; Mar referral 2, 1 in 5 days, 1 open, not complete.
 *
 * clv_inputs (paying month ends: Jan 31, Feb 29, Mar 31 and the as-of date):
 *   K1 84 days, 4 months, ARPA 24, revenue 72 + 19 = 91 (22.75 a month), paying
 *   K9 churned 02-09 after 31 days, 1 month, ARPA 12; K2 churned 02-25 after 31 days, 1 month
 *   K3 36 days, 2 months, ARPA 12, revenue 24; K4 (Growth x2) 11 days, 2 months, ARPA 40, revenue 40
 *   K8 churned 02-20 after 15 days, never paying at a month end: 0 months, ARPA NULL; full refund: revenue 0
 *
 * churn_flags (30+ days without activity, or the account churned; the earlier date wins):
 *   u1 (K1) last active 04-05 (an event of 04-12 is after the as-of date): not churned
 *   u2 (K1) last active 03-01: 40 days, churned 03-31, inactive_30d
 *   u3 (K2) active 04-08 but K2 churned 02-25: churned 02-25, account_churned
 *   u4 (K2) last active 01-20: inactive from 02-19, before K2's churn: 02-19, inactive_30d
 *   u10 (K9) last active 01-10: inactive from 02-09, the day K9 churned: a tie, account_churned
 *   u5 (K6) never active, created 02-10: 60 days, churned 03-11, inactive_30d
 *   u6 (K5) never active, created 03-30: 11 days, not churned
 *   u7 (K3) last active 03-11: exactly 30 days, churned 04-10; u8 (K3) 03-12: 29 days, not churned
 *   u9 (K7) created after the as-of date: no row
 *
 * support_summary: Jan 2 tickets (low billing 10 h, High technical 4 h: 7 h on average, 4 h for
 * high priority), 1 answer of 10 (NPS 100); Feb nothing (averages and NPS NULL); Mar ' critical'
 * integration 2 h and medium onboarding 20 h (11 h), answers 10, 9, 8, 3, 6 (2 promoters,
 * 1 passive, 2 detractors: NPS 0, average 7.2); Apr (partial) 'LOW ' feature request 8 h and
 * an answer of 0 (NPS -100); a ticket and an answer after the as-of date are left out.
 */
describe('seed 000 funnel and customer marts, worked example', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await createEmptyRawTables(db, '2024-04-10');
    await addAccounts(db, [
      { id: 'K1', signup: '2024-01-03 10:00:00', channel: 'organic' },
      { id: 'K9', signup: '2024-01-05 10:00:00', channel: 'organic' },
      { id: 'K2', signup: '2024-01-10 10:00:00', channel: 'organic' },
      { id: 'K3', signup: '2024-01-20 10:00:00', channel: 'paid' },
      { id: 'K8', signup: '2024-02-01 10:00:00', channel: 'social', planAtSignup: 'Free' },
      { id: 'K6', signup: '2024-02-10 10:00:00', channel: 'social', planAtSignup: 'Free' },
      { id: 'K4', signup: '2024-03-25 10:00:00', channel: 'referral', planAtSignup: 'Growth' },
      { id: 'K5', signup: '2024-03-30 10:00:00', channel: 'referral', planAtSignup: 'Growth' },
      { id: 'K7', signup: '2024-04-20 10:00:00', channel: 'organic' },
    ]);
    await addChanges(db, [
      { customer: 'K1', at: '2024-01-03 10:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_starter', seats: 1 },
      { customer: 'K1', at: '2024-01-17 15:00:00', type: 'trial_converted', from: 'plan_starter', to: 'plan_starter', seats: 2 },
      { customer: 'K9', at: '2024-01-05 10:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_starter', seats: 1 },
      { customer: 'K9', at: '2024-01-09 11:00:00', type: 'trial_converted', from: 'plan_starter', to: 'plan_starter', seats: 1 },
      { customer: 'K9', at: '2024-02-09 09:00:00', type: 'cancelled', from: 'plan_starter', to: 'plan_free', seats: 0 },
      { customer: 'K2', at: '2024-01-10 10:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_starter', seats: 1 },
      { customer: 'K2', at: '2024-01-25 10:00:00', type: 'trial_converted', from: 'plan_starter', to: 'plan_starter', seats: 1 },
      { customer: 'K2', at: '2024-02-25 09:00:00', type: 'cancelled', from: 'plan_starter', to: 'plan_free', seats: 0 },
      { customer: 'K3', at: '2024-01-20 10:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_starter', seats: 1 },
      { customer: 'K3', at: '2024-02-03 10:00:00', type: 'trial_expired', from: 'plan_starter', to: 'plan_free', seats: 1 },
      { customer: 'K3', at: '2024-03-05 10:00:00', type: 'upgraded', from: 'plan_free', to: 'plan_starter', seats: 1 },
      { customer: 'K8', at: '2024-02-05 10:00:00', type: 'upgraded', from: 'plan_free', to: 'plan_starter', seats: 1 },
      { customer: 'K8', at: '2024-02-20 10:00:00', type: 'cancelled', from: 'plan_starter', to: 'plan_free', seats: 0 },
      { customer: 'K4', at: '2024-03-25 10:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_growth', seats: 2 },
      { customer: 'K4', at: '2024-03-30 10:00:00', type: 'trial_converted', from: 'plan_growth', to: 'plan_growth', seats: 2 },
      { customer: 'K5', at: '2024-03-30 10:00:00', type: 'trial_started', from: 'plan_free', to: 'plan_growth', seats: 2 },
    ]);
    await addInvoices(db, [
      { id: 'K1-1', customer: 'K1', start: '2024-01-17', end: '2024-02-16', plan: 'plan_starter', gross: 24 },
      { id: 'K1-2', customer: 'K1', start: '2024-02-17', end: '2024-03-16', plan: 'plan_starter', gross: 24 },
      { id: 'K1-3', customer: 'K1', start: '2024-03-17', end: '2024-04-16', plan: 'plan_starter', gross: 24 },
      { id: 'K1-A', customer: 'K1', start: '2024-02-02', end: '2024-02-02', gross: 19, type: 'add_on' },
      { id: 'K9-1', customer: 'K9', start: '2024-01-09', end: '2024-02-08', plan: 'plan_starter', gross: 12 },
      { id: 'K2-1', customer: 'K2', start: '2024-01-25', end: '2024-02-24', plan: 'plan_starter', gross: 12 },
      { id: 'K3-1', customer: 'K3', start: '2024-03-05', end: '2024-04-04', plan: 'plan_starter', gross: 12 },
      { id: 'K3-2', customer: 'K3', start: '2024-04-05', end: '2024-05-04', plan: 'plan_starter', gross: 12 },
      { id: 'K8-1', customer: 'K8', start: '2024-02-05', end: '2024-02-19', plan: 'plan_starter', gross: 12 },
      { id: 'K4-1', customer: 'K4', start: '2024-03-30', end: '2024-04-29', plan: 'plan_growth', gross: 40 },
    ]);
    await addReversals(db, [{ id: 'R-K8', invoice: 'K8-1', at: '2024-02-21 15:00:00', amount: 12, reason: 'refund' }]);
    await addUsers(db, [
      { id: 'u1', customer: 'K1', created: '2024-01-03', activeOn: ['2024-01-03', '2024-04-05', '2024-04-12'] },
      { id: 'u2', customer: 'K1', created: '2024-01-04', activeOn: ['2024-01-04', '2024-03-01'] },
      { id: 'u3', customer: 'K2', created: '2024-01-10', activeOn: ['2024-04-08'] },
      { id: 'u4', customer: 'K2', created: '2024-01-10', activeOn: ['2024-01-20'] },
      { id: 'u10', customer: 'K9', created: '2024-01-05', activeOn: ['2024-01-10'] },
      { id: 'u5', customer: 'K6', created: '2024-02-10' },
      { id: 'u6', customer: 'K5', created: '2024-03-30' },
      { id: 'u7', customer: 'K3', created: '2024-01-20', activeOn: ['2024-03-11'] },
      { id: 'u8', customer: 'K3', created: '2024-01-20', activeOn: ['2024-03-12'] },
      { id: 'u9', customer: 'K7', created: '2024-04-20' },
    ]);
    await addTickets(db, [
      { id: 'T1', customer: 'K1', at: '2024-01-05 10:00:00', priority: 'low', topic: 'billing', hours: 10 },
      { id: 'T2', customer: 'K1', at: '2024-01-20 10:00:00', priority: 'High', topic: 'technical', hours: 4 },
      { id: 'T3', customer: 'K3', at: '2024-03-02 10:00:00', priority: ' critical', topic: 'integration', hours: 2 },
      { id: 'T4', customer: 'K4', at: '2024-03-28 10:00:00', priority: 'medium', topic: 'onboarding', hours: 20 },
      { id: 'T6', customer: 'K1', at: '2024-04-02 10:00:00', priority: 'LOW ', topic: 'feature_request', hours: 8 },
      { id: 'T5', customer: 'K1', at: '2024-04-20 10:00:00', priority: 'low', topic: 'billing', hours: 5 },
    ]);
    await addNps(db, [
      { id: 'N1', customer: 'K1', at: '2024-01-31 10:00:00', score: 10 },
      { id: 'N2', customer: 'K1', at: '2024-03-01 10:00:00', score: 10 },
      { id: 'N3', customer: 'K3', at: '2024-03-05 10:00:00', score: 9 },
      { id: 'N4', customer: 'K4', at: '2024-03-29 10:00:00', score: 8 },
      { id: 'N5', customer: 'K2', at: '2024-03-10 10:00:00', score: 3 },
      { id: 'N6', customer: 'K9', at: '2024-03-11 10:00:00', score: 6 },
      { id: 'N7', customer: 'K1', at: '2024-04-05 10:00:00', score: 0 },
      { id: 'N8', customer: 'K1', at: '2024-04-15 10:00:00', score: 10 },
    ]);
    await runAll(db);
  });
  afterAll(() => db.close());

  it('passes every check', async () => {
    expect(await rows(db, `SELECT check_name, failing_rows FROM dq_results WHERE status <> 'pass'`)).toEqual([]);
  });

  it('counts the monthly funnel with strict 14-day trials, partial months and NULL rates', async () => {
    const funnel = await rows(db, `SELECT strftime(month, '%m') AS m, is_partial_month AS partial, signups, trials, trial_conversions AS conv, trials_open AS open,
        trial_to_paid_rate AS t2p, signup_to_trial_rate AS s2t, paid_conversions AS paid, signups_paid, signup_to_paid_rate AS s2p
      FROM monthly_funnel ORDER BY month`);
    expect(funnel).toEqual([
      { m: '01', partial: false, signups: 4, trials: 4, conv: 2, open: 0, t2p: 0.5, s2t: 1, paid: 3, signups_paid: 4, s2p: 1 },
      { m: '02', partial: false, signups: 2, trials: 0, conv: 0, open: 0, t2p: null, s2t: 0, paid: 1, signups_paid: 1, s2p: 0.5 },
      { m: '03', partial: false, signups: 2, trials: 2, conv: 1, open: 1, t2p: 0.5, s2t: 1, paid: 2, signups_paid: 1, s2p: 0.5 },
      { m: '04', partial: true, signups: 0, trials: 0, conv: 0, open: 0, t2p: null, s2t: null, paid: 0, signups_paid: 0, s2p: null },
    ]);
  });

  it('gives trial-to-paid conversion by trial cohort and channel, with days to convert', async () => {
    const cohorts = await rows(db, `SELECT strftime(trial_month, '%m') AS m, acquisition_channel AS ch, trials_started AS n, converted, trials_open AS open,
        conversion_rate AS rate, median_days_to_convert AS median, avg_days_to_convert AS mean, is_cohort_complete AS complete
      FROM trial_conversion_cohorts ORDER BY trial_month, acquisition_channel`);
    expect(cohorts).toEqual([
      { m: '01', ch: 'all', n: 4, converted: 2, open: 0, rate: 0.5, median: 9, mean: 9, complete: true },
      { m: '01', ch: 'organic', n: 3, converted: 2, open: 0, rate: 2 / 3, median: 9, mean: 9, complete: true },
      { m: '01', ch: 'paid', n: 1, converted: 0, open: 0, rate: 0, median: null, mean: null, complete: true },
      { m: '03', ch: 'all', n: 2, converted: 1, open: 1, rate: 0.5, median: 5, mean: 5, complete: false },
      { m: '03', ch: 'referral', n: 2, converted: 1, open: 1, rate: 0.5, median: 5, mean: 5, complete: false },
    ]);
  });

  it('gives each paying account the inputs of a CLV model', async () => {
    const clv = await rows(db, `SELECT customer_id AS id, plan, strftime(first_paid_date, '%m-%d') AS first_paid, is_churned AS churned, strftime(churn_date, '%m-%d') AS churn_date,
        tenure_days AS days, tenure_months AS months, CAST(current_mrr AS DOUBLE) AS mrr, arpa, CAST(total_net_revenue AS DOUBLE) AS revenue,
        CAST(subscription_net_revenue AS DOUBLE) AS subscriptions, avg_monthly_net_revenue AS monthly, acquisition_type AS acquired
      FROM clv_inputs ORDER BY customer_id`);
    expect(clv).toEqual([
      { id: 'K1', plan: 'Starter', first_paid: '01-17', churned: false, churn_date: null, days: 84, months: 4, mrr: 24, arpa: 24, revenue: 91, subscriptions: 72, monthly: 22.75, acquired: 'subscription' },
      { id: 'K2', plan: 'Starter', first_paid: '01-25', churned: true, churn_date: '02-25', days: 31, months: 1, mrr: 0, arpa: 12, revenue: 12, subscriptions: 12, monthly: 12, acquired: 'subscription' },
      { id: 'K3', plan: 'Starter', first_paid: '03-05', churned: false, churn_date: null, days: 36, months: 2, mrr: 12, arpa: 12, revenue: 24, subscriptions: 24, monthly: 12, acquired: 'subscription' },
      { id: 'K4', plan: 'Growth', first_paid: '03-30', churned: false, churn_date: null, days: 11, months: 2, mrr: 40, arpa: 40, revenue: 40, subscriptions: 40, monthly: 20, acquired: 'subscription' },
      { id: 'K8', plan: 'Starter', first_paid: '02-05', churned: true, churn_date: '02-20', days: 15, months: 0, mrr: 0, arpa: null, revenue: 0, subscriptions: 0, monthly: null, acquired: 'subscription' },
      { id: 'K9', plan: 'Starter', first_paid: '01-09', churned: true, churn_date: '02-09', days: 31, months: 1, mrr: 0, arpa: 12, revenue: 12, subscriptions: 12, monthly: 12, acquired: 'subscription' },
    ]);
  });

  it('flags churned users: churned accounts or 30+ days without activity, the earlier date winning', async () => {
    const flags = await rows(db, `SELECT user_id AS u, strftime(last_active_date, '%m-%d') AS last, days_since_last_activity AS days, is_inactive_30d AS inactive,
        is_account_churned AS account, is_churned AS churned, strftime(churn_date, '%m-%d') AS churn_date, churn_reason AS reason
      FROM churn_flags ORDER BY user_id`);
    expect(flags).toEqual([
      { u: 'u1', last: '04-05', days: 5, inactive: false, account: false, churned: false, churn_date: null, reason: null },
      { u: 'u10', last: '01-10', days: 91, inactive: true, account: true, churned: true, churn_date: '02-09', reason: 'account_churned' },
      { u: 'u2', last: '03-01', days: 40, inactive: true, account: false, churned: true, churn_date: '03-31', reason: 'inactive_30d' },
      { u: 'u3', last: '04-08', days: 2, inactive: false, account: true, churned: true, churn_date: '02-25', reason: 'account_churned' },
      { u: 'u4', last: '01-20', days: 81, inactive: true, account: true, churned: true, churn_date: '02-19', reason: 'inactive_30d' },
      { u: 'u5', last: null, days: 60, inactive: true, account: false, churned: true, churn_date: '03-11', reason: 'inactive_30d' },
      { u: 'u6', last: null, days: 11, inactive: false, account: false, churned: false, churn_date: null, reason: null },
      { u: 'u7', last: '03-11', days: 30, inactive: true, account: false, churned: true, churn_date: '04-10', reason: 'inactive_30d' },
      { u: 'u8', last: '03-12', days: 29, inactive: false, account: false, churned: false, churn_date: null, reason: null },
    ]);
  });

  it('builds user_master with user and account attributes, cohort month and current plan', async () => {
    const users = await rows(db, `SELECT user_id AS u, customer_id AS c, strftime(cohort_month, '%Y-%m') AS cohort, strftime(signup_month, '%Y-%m') AS signup,
        acquisition_channel AS channel, acquisition_type AS acquired, current_plan AS plan, is_paying AS paying, CAST(current_mrr AS DOUBLE) AS mrr
      FROM user_master ORDER BY user_id`);
    expect(users.map((r) => r.u)).toEqual(['u1', 'u10', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
    const by = Object.fromEntries(users.map((r) => [r.u, r]));
    expect(by.u1).toEqual({ u: 'u1', c: 'K1', cohort: '2024-01', signup: '2024-01', channel: 'organic', acquired: 'subscription', plan: 'Starter', paying: true, mrr: 24 });
    expect(by.u3).toEqual({ u: 'u3', c: 'K2', cohort: '2024-04', signup: '2024-01', channel: 'organic', acquired: 'subscription', plan: 'Free', paying: false, mrr: 0 });
    expect(by.u5).toEqual({ u: 'u5', c: 'K6', cohort: null, signup: '2024-02', channel: 'social', acquired: 'none', plan: 'Free', paying: false, mrr: 0 });
    // During its trial K5 is on the trial's tier.
    expect(by.u6).toEqual({ u: 'u6', c: 'K5', cohort: null, signup: '2024-03', channel: 'referral', acquired: 'none', plan: 'Growth', paying: false, mrr: 0 });
    expect(by.u7).toMatchObject({ c: 'K3', cohort: '2024-03', channel: 'paid', plan: 'Starter', paying: true, mrr: 12 });
  });

  it('summarises support and NPS by month, with NULL averages in an empty month', async () => {
    const summary = await rows(db, `SELECT strftime(month, '%m') AS m, is_partial_month AS partial, tickets, low_tickets AS low, medium_tickets AS medium, high_tickets AS high,
        critical_tickets AS critical, billing_tickets AS billing, technical_tickets AS technical, onboarding_tickets AS onboarding, integration_tickets AS integration,
        feature_request_tickets AS features, avg_resolution_hours AS hours, high_priority_avg_resolution_hours AS urgent_hours,
        nps_responses AS answers, promoters, passives, detractors, avg_nps_score AS score, nps
      FROM support_summary ORDER BY month`);
    expect(summary).toEqual([
      { m: '01', partial: false, tickets: 2, low: 1, medium: 0, high: 1, critical: 0, billing: 1, technical: 1, onboarding: 0, integration: 0, features: 0,
        hours: 7, urgent_hours: 4, answers: 1, promoters: 1, passives: 0, detractors: 0, score: 10, nps: 100 },
      { m: '02', partial: false, tickets: 0, low: 0, medium: 0, high: 0, critical: 0, billing: 0, technical: 0, onboarding: 0, integration: 0, features: 0,
        hours: null, urgent_hours: null, answers: 0, promoters: 0, passives: 0, detractors: 0, score: null, nps: null },
      { m: '03', partial: false, tickets: 2, low: 0, medium: 1, high: 0, critical: 1, billing: 0, technical: 0, onboarding: 1, integration: 1, features: 0,
        hours: 11, urgent_hours: 2, answers: 5, promoters: 2, passives: 1, detractors: 2, score: 7.2, nps: 0 },
      { m: '04', partial: true, tickets: 1, low: 1, medium: 0, high: 0, critical: 0, billing: 0, technical: 0, onboarding: 0, integration: 0, features: 1,
        hours: 8, urgent_hours: null, answers: 1, promoters: 0, passives: 0, detractors: 1, score: 0, nps: -100 },
    ]);
  });
});
