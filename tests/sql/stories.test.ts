import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignDays } from '../../src/generator/dataset';
import { resolveParams } from '../../src/generator/params';
import { simulationWindow } from '../../src/generator/window';
import { loadGenerated, type NodeDb, openDb, rows } from '../helpers/nodeDb';

/**
 * The nine planted stories of domain.md, each checked on a fixed seed with a tolerance.
 * Every figure is computed here, in SQL written for the test, from the raw tables, not by
 * the pipeline's models.
 */
const PARAMS = { seed: 7, accounts: 6000 } as const;

/** The first row of a query whose columns are all numbers. */
const one = async (db: NodeDb, sql: string) => (await rows(db, sql))[0] as Record<string, number>;

describe('planted stories (seed 7, 6 000 accounts)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await loadGenerated(db, PARAMS);
    // A minimal cleaning for the test's own queries: exact re-sends dropped, labels normalised.
    await db.exec(`CREATE TABLE ev AS SELECT DISTINCT event_id, user_id, customer_id, event_time, lower(trim(event_type)) AS event_type,
      miles_amount, feature_adoption_score FROM events`);
    await db.exec(`CREATE TABLE paid AS
      SELECT customer_id, min(occurred_at) FILTER (WHERE change_type IN ('trial_converted', 'upgraded', 'reactivated')) AS paid_at,
             min(occurred_at) FILTER (WHERE change_type = 'cancelled') AS churned_at,
             bool_or(change_type = 'upgraded' AND plan_from <> 'plan_free' AND plan_to <> plan_from) AS tier_upgraded
      FROM subscription_events GROUP BY customer_id HAVING paid_at IS NOT NULL`);
  }, 120_000);
  afterAll(() => db.close());

  it('1. seasonality: more sign-ups a day in Q1 and Q4 than in Q2 and Q3', async () => {
    const r = await one(db, `SELECT count(*) FILTER (WHERE quarter(signup_at) IN (1, 4)) / count(*) FILTER (WHERE quarter(signup_at) IN (2, 3)) AS ratio FROM (SELECT DISTINCT customer_id, signup_at FROM customers)`);
    expect(r.ratio).toBeGreaterThan(1.15);
  });

  it('2. trials last exactly 14 days at most; conversion depends on channel and on early activation', async () => {
    const trial = await one(db, `WITH t AS (
        SELECT customer_id, min(occurred_at) FILTER (WHERE change_type = 'trial_started') AS started,
               min(occurred_at) FILTER (WHERE change_type IN ('trial_converted', 'trial_expired')) AS ended
        FROM subscription_events GROUP BY customer_id)
      SELECT max(datediff('day', CAST(started AS DATE), CAST(ended AS DATE))) AS longest, count(*) FILTER (WHERE ended IS NULL AND started < DATE '2025-12-01') AS open_old
      FROM t WHERE started IS NOT NULL`);
    expect(trial.longest).toBe(14);
    expect(trial.open_old).toBe(0);
    const byFactor = await rows(db, `WITH t AS (
        SELECT s.customer_id, c.acquisition_channel AS channel, bool_or(s.change_type = 'trial_converted') AS converted,
          (SELECT count(*) FROM ev WHERE ev.customer_id = s.customer_id AND ev.event_type = 'integration_connect' AND ev.event_time < min(s.occurred_at) + INTERVAL 7 DAY) > 0 AS activated
        FROM subscription_events s JOIN (SELECT DISTINCT customer_id, lower(trim(acquisition_channel)) AS acquisition_channel FROM customers) c USING (customer_id)
        WHERE s.customer_id IN (SELECT customer_id FROM subscription_events WHERE change_type = 'trial_started' AND occurred_at < DATE '2025-12-01')
        GROUP BY s.customer_id, c.acquisition_channel)
      SELECT 'channel:' || channel AS k, avg(converted::INT) AS rate FROM t GROUP BY channel
      UNION ALL SELECT 'activated:' || activated, avg(converted::INT) FROM t GROUP BY activated`);
    const rate = Object.fromEntries(byFactor.map((r) => [r.k, r.rate as number]));
    expect(rate['channel:referral']! / rate['channel:social']!).toBeGreaterThan(1.4);
    expect(rate['activated:true']! / rate['activated:false']!).toBeGreaterThan(1.8);
  });

  it('3. churn drivers: the signs and rough sizes of seed 003\'s point-biserial correlations; Enterprise churns least', async () => {
    await db.exec(`CREATE OR REPLACE TABLE features AS
      WITH ref AS (SELECT p.customer_id, p.paid_at, p.churned_at, coalesce(p.churned_at, TIMESTAMP '2025-12-31 23:59:59') AS ref_at, c.signup_at
                   FROM paid p JOIN (SELECT DISTINCT customer_id, signup_at FROM customers) c USING (customer_id)
                   WHERE p.paid_at < TIMESTAMP '2025-10-01')
      SELECT r.customer_id, (r.churned_at IS NOT NULL)::DOUBLE AS churned,
        count(e.event_id) FILTER (WHERE e.event_time > r.ref_at - INTERVAL 30 DAY AND e.event_time <= r.ref_at) AS events_last_30d,
        coalesce(avg(e.feature_adoption_score), 0) AS avg_adoption_score,
        count(e.event_id) FILTER (WHERE e.event_type IN ('evidence_upload', 'monitoring_run', 'report_view')) AS retention_signal_count,
        count(e.event_id) FILTER (WHERE e.event_type = 'integration_connect' AND e.event_time <= r.signup_at + INTERVAL 30 DAY) AS integration_connects_first_30d,
        (SELECT count(*) FROM support_tickets t WHERE t.customer_id = r.customer_id AND lower(trim(t.priority)) IN ('high', 'critical')) AS high_priority_tickets
      FROM ref r LEFT JOIN ev e ON e.customer_id = r.customer_id AND e.event_time <= r.ref_at
      GROUP BY ALL`);
    const r = await one(db, `SELECT count(*) AS n, avg(churned) AS churn_share,
      corr(events_last_30d, churned) AS events_last_30d, corr(avg_adoption_score, churned) AS avg_adoption_score,
      corr(retention_signal_count, churned) AS retention_signal_count, corr(high_priority_tickets, churned) AS high_priority_tickets,
      corr(integration_connects_first_30d, churned) AS integration_connects_first_30d FROM features`);
    console.log('seed 003 correlations', r);
    expect(r.n).toBeGreaterThan(800);
    expect(r.events_last_30d).toBeLessThan(-0.2);
    expect(r.events_last_30d).toBeGreaterThan(-0.6);
    expect(r.avg_adoption_score).toBeLessThan(-0.15);
    expect(r.retention_signal_count).toBeLessThan(-0.1);
    expect(r.high_priority_tickets).toBeGreaterThan(0.1);
    expect(r.integration_connects_first_30d).toBeLessThan(-0.08);
    const tiers = await rows(db, `SELECT plan_to AS plan, avg((p.churned_at IS NOT NULL)::INT) AS churn FROM paid p
      JOIN subscription_events s ON s.customer_id = p.customer_id AND s.occurred_at = p.paid_at GROUP BY plan_to`);
    const churn = Object.fromEntries(tiers.map((t) => [t.plan, t.churn as number]));
    expect(churn.plan_enterprise!).toBeLessThan(churn.plan_growth!);
    expect(churn.plan_growth!).toBeLessThan(churn.plan_starter!);
  });

  it('4. usage decays in the 30 days before churn', async () => {
    const r = await one(db, `SELECT
        count(*) FILTER (WHERE e.event_time > p.churned_at - INTERVAL 30 DAY) AS last_30,
        count(*) FILTER (WHERE e.event_time <= p.churned_at - INTERVAL 30 DAY) AS prior_30
      FROM paid p JOIN ev e ON e.customer_id = p.customer_id AND e.event_time > p.churned_at - INTERVAL 60 DAY AND e.event_time <= p.churned_at
      WHERE p.churned_at IS NOT NULL AND p.churned_at > p.paid_at + INTERVAL 90 DAY`);
    expect(r.last_30! / r.prior_30!).toBeLessThan(0.7);
  });

  it('5. accounts that upgrade try premium features 4 to 6 times as often and ask for more features', async () => {
    const r = await one(db, `WITH per AS (
        SELECT p.tier_upgraded AS up, count(*) FILTER (WHERE e.event_type = 'premium_feature_trial') / count(*) AS share
        FROM paid p JOIN ev e USING (customer_id) GROUP BY p.customer_id, p.tier_upgraded)
      SELECT avg(share) FILTER (WHERE up) / avg(share) FILTER (WHERE NOT up) AS ratio FROM per`);
    expect(r.ratio).toBeGreaterThan(4);
    expect(r.ratio).toBeLessThan(6);
    const t = await one(db, `SELECT avg((topic = 'feature_request')::INT) FILTER (WHERE p.tier_upgraded) / avg((topic = 'feature_request')::INT) FILTER (WHERE NOT p.tier_upgraded) AS ratio
      FROM paid p JOIN support_tickets USING (customer_id)`);
    expect(t.ratio).toBeGreaterThan(1.5);
  });

  it('6. first-month net revenue of subscription-acquired accounts halves from Q1 2024 to Q1 2025', async () => {
    const q = await rows(db, `WITH inv AS (
        SELECT invoice_id, customer_id, issued_at, transaction_type, discount_id,
          TRY_CAST(replace(replace(gross_amount, ',', ''), '$', '') AS DOUBLE) AS gross,
          TRY_CAST(replace(replace(net_amount, ',', ''), '$', '') AS DOUBLE) AS net,
          datediff('month', period_start, period_end + 1) AS months
        FROM invoices),
      firsts AS (SELECT * FROM inv QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY issued_at, invoice_id) = 1)
      SELECT year(f.issued_at) AS y, count(*) AS n,
        avg((f.net - coalesce(r.amount, 0)) / f.months) AS first_month_net,
        avg(f.gross / f.months) AS first_month_gross,
        avg(coalesce(f.discount_id = 'disc_welcome_50', false)::INT) AS welcome_share,
        avg(coalesce(f.discount_id LIKE 'disc_prepaid%', false)::INT) AS prepaid_share,
        avg(coalesce(r.reason = 'unsatisfied_return', false)::INT) AS returns
      FROM firsts f LEFT JOIN reversals r USING (invoice_id)
      WHERE f.transaction_type = 'subscription' AND quarter(f.issued_at) = 1
      GROUP BY y ORDER BY y`);
    console.log('first-month net revenue by Q1', q);
    const [y2024, y2025] = q;
    expect(y2024!.n).toBeGreaterThan(60);
    const ratio = (y2025!.first_month_net as number) / (y2024!.first_month_net as number);
    expect(ratio).toBeGreaterThan(0.38);
    expect(ratio).toBeLessThan(0.62);
    expect(y2025!.welcome_share as number).toBeGreaterThan(y2024!.welcome_share as number);
  });

  it('7. negative miles balances exist but are rare', async () => {
    const r = await one(db, `WITH b AS (SELECT user_id, sum(CASE event_type WHEN 'miles_earned' THEN miles_amount WHEN 'miles_redeemed' THEN -miles_amount ELSE 0 END) AS balance FROM ev GROUP BY user_id)
      SELECT count(*) FILTER (WHERE balance < 0) AS negative, count(*) AS users FROM b`);
    expect(r.negative).toBeGreaterThan(0);
    expect(r.negative! / r.users!).toBeLessThan(0.01);
  });

  it('8. win-back campaigns show as resurrection spikes', async () => {
    const days = campaignDays(simulationWindow(resolveParams(PARAMS))).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    const r = await rows(db, `WITH d AS (SELECT DISTINCT user_id, CAST(event_time AS DATE) AS day FROM ev),
      g AS (SELECT user_id, day, lag(day) OVER (PARTITION BY user_id ORDER BY day) AS prev FROM d),
      res AS (SELECT day, count(*) AS n FROM g WHERE datediff('day', prev, day) > 14 GROUP BY day)
      SELECT strftime(day, '%Y-%m-%d') AS day, n FROM res WHERE day > DATE '2024-02-01'`);
    const byDay = new Map(r.map((x) => [x.day as string, x.n as number]));
    const typical = [...byDay.values()].sort((a, b) => a - b)[Math.floor(byDay.size / 2)]!;
    const spikes = days.filter((d) => d > '2024-02-01').map((d) => (byDay.get(d) ?? 0) / typical);
    expect(spikes.length).toBeGreaterThanOrEqual(5);
    console.log('resurrections on campaign days / median day', spikes);
    for (const s of spikes) expect(s).toBeGreaterThan(3);
  });

  it('9. dirty sources: duplicates, messy labels, null countries, lost log days, late arrivals, amounts as text', async () => {
    const r = await one(db, `SELECT (SELECT count(*) FROM events) - (SELECT count(*) FROM (SELECT DISTINCT * FROM events)) AS dupes,
      (SELECT count(*) FROM events) AS total,
      (SELECT count(*) FROM events WHERE event_type <> lower(trim(event_type))) AS messy_types,
      (SELECT count(*) FROM events WHERE country IS NULL) AS null_countries,
      (SELECT count(*) FROM events WHERE received_at > event_time + INTERVAL 1 DAY) AS late,
      (SELECT count(*) FROM invoices WHERE TRY_CAST(net_amount AS DOUBLE) IS NULL) AS text_amounts,
      (SELECT count(*) FROM events WHERE event_type = 'qa_test_ping') AS junk_events,
      (SELECT count(*) - count(DISTINCT customer_id) FROM customers) AS repeated_customers`);
    expect(r.dupes! / r.total!).toBeGreaterThan(0.003);
    expect(r.dupes! / r.total!).toBeLessThan(0.007);
    for (const k of ['messy_types', 'null_countries', 'late', 'text_amounts', 'junk_events', 'repeated_customers']) expect(r[k], k).toBeGreaterThan(0);
    const days = await rows(db, `WITH d AS (SELECT CAST(event_time AS DATE) AS day, count(*) AS n FROM events WHERE event_time >= TIMESTAMP '2024-03-01' GROUP BY 1)
      SELECT count(*) FILTER (WHERE n < 0.3 * (SELECT median(n) FROM d)) AS lost FROM d`);
    expect(days[0]!.lost).toBeGreaterThanOrEqual(1);
  });

  it('keeps billing coherent: no subscription invoice while cancelled, every reversal on a real invoice, net = gross - discount', async () => {
    const r = await one(db, `WITH states AS (
        SELECT customer_id, occurred_at, change_type,
          lead(occurred_at) OVER (PARTITION BY customer_id ORDER BY occurred_at, subscription_event_id) AS next_at
        FROM subscription_events),
      off AS (SELECT * FROM states WHERE change_type = 'cancelled')
      SELECT
        (SELECT count(*) FROM invoices i JOIN off o ON o.customer_id = i.customer_id
           AND i.period_start >= CAST(o.occurred_at AS DATE) AND (o.next_at IS NULL OR i.period_start < CAST(o.next_at AS DATE))
         WHERE i.transaction_type = 'subscription') AS billed_while_cancelled,
        (SELECT count(*) FROM reversals r ANTI JOIN invoices i USING (invoice_id)) AS orphan_reversals,
        (SELECT count(*) FROM invoices WHERE abs(TRY_CAST(replace(replace(gross_amount, ',', ''), '$', '') AS DOUBLE) - TRY_CAST(replace(replace(discount_amount, ',', ''), '$', '') AS DOUBLE)
           - TRY_CAST(replace(replace(net_amount, ',', ''), '$', '') AS DOUBLE)) > 0.005) AS broken_totals`);
    expect(r).toEqual({ billed_while_cancelled: 0, orphan_reversals: 0, broken_totals: 0 });
  });
});
