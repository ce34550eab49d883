import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Filters, NO_FILTERS } from '../../src/pipeline/filters';
import { martQuery } from '../../src/pipeline/martQuery';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { buildKpis, type KpiFigure, type KpiQuery } from '../../src/views/overview/kpis';
import { mauSeriesSql, retention12mSql, revenueSeriesSql, type SeriesTable, seriesFromTable, stickinessSeriesSql, trialSeriesSql } from '../../src/views/overview/overviewQueries';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

/**
 * The Overview's KPI figures (the view's own SQL over the marts, then kpiFigure) against a
 * recomputation in JavaScript from the silver and bronze rows, unfiltered and filtered. The
 * as-of date falls mid-month, so the latest complete month is the month before it.
 */
const AS_OF = '2025-11-20';
const LATEST_COMPLETE = '2025-10-01';

let db: NodeDb;
beforeAll(async () => {
  db = await openDb();
  await loadGenerated(db, { preset: 'tiny', seed: 21, asOf: AS_OF });
  await runAll(db);
}, 120_000);
afterAll(() => db.close());

async function viewKpis(filters: Filters): Promise<Map<string, KpiFigure>> {
  const mart = (name: string) => martQuery(SQL_MODELS, name, filters);
  const sql: Record<KpiQuery, string> = {
    revenue: revenueSeriesSql(mart('monthly_revenue')),
    retention: retention12mSql(mart('revenue_retention_12m')),
    trials: trialSeriesSql(mart('trial_conversion_cohorts')),
    mau: mauSeriesSql(mart('social_capital_growth_accounting')),
    stickiness: stickinessSeriesSql(mart('growth_metrics')),
  };
  const results: Partial<Record<KpiQuery, SeriesTable>> = {};
  for (const [key, text] of Object.entries(sql) as [KpiQuery, string][]) results[key] = seriesFromTable(await db.query(text));
  return new Map(buildKpis(results).map((f) => [f.id, f]));
}

const monthOf = (iso: string) => `${iso.slice(0, 7)}-01`;
const addMonths = (iso: string, n: number) => {
  const d = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const lastDay = (monthIso: string) => addDays(addMonths(monthIso, 1), -1);
const isoOf = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : new Date(Number(v)).toISOString().slice(0, 10));

/** Every KPI for `month` and the month before, from raw-ish rows, for the accounts in `accounts`. */
async function independentKpis(accounts: Set<string>, users: Set<string>): Promise<Record<string, { month: string; value: number | null; previous: number | null }>> {
  const subs = (await rows(db, `SELECT customer_id, month, CAST(mrr AS DOUBLE) AS mrr FROM fct_subscription_months`)).filter((r) => accounts.has(String(r.customer_id)));
  const mrr = new Map<string, Map<string, number>>();
  for (const r of subs) {
    const id = String(r.customer_id);
    if (!mrr.has(id)) mrr.set(id, new Map());
    mrr.get(id)!.set(isoOf(r.month), Number(r.mrr));
  }
  const at = (id: string, m: string) => mrr.get(id)?.get(m) ?? 0;
  const revenueAt = (m: string) => {
    const previous = addMonths(m, -1);
    let total = 0, paying = 0, payingStart = 0, churned = 0, gains = 0, losses = 0;
    for (const id of mrr.keys()) {
      const start = at(id, previous);
      const end = at(id, m);
      total += end;
      if (end > 0) paying++;
      if (start > 0) payingStart++;
      if (start === 0 && end > 0) gains += end; // new or reactivation: both are gains
      else if (end > start && start > 0) gains += end - start;
      else if (end < start && end > 0) losses += start - end;
      else if (start > 0 && end === 0) {
        losses += start;
        churned++;
      }
    }
    const churnRate = payingStart === 0 ? null : churned / payingStart;
    const arpa = paying === 0 ? null : total / paying;
    return {
      mrr: total,
      arr: total * 12,
      paying,
      logoChurn: churnRate,
      arpa,
      ltv: arpa === null || !churnRate ? null : arpa / churnRate,
      quickRatio: losses === 0 ? null : gains / losses,
    };
  };
  const retentionAt = (m: string) => {
    const past = addMonths(m, -12);
    let startSum = 0, nowSum = 0, capped = 0, n = 0;
    for (const id of mrr.keys()) {
      const start = at(id, past);
      if (start <= 0 || !mrr.get(id)!.has(m)) continue;
      n++;
      startSum += start;
      nowSum += at(id, m);
      capped += Math.min(at(id, m), start);
    }
    return n === 0 ? { nrr: null, grr: null } : { nrr: nowSum / startSum, grr: capped / startSum };
  };

  // Trials: each conversion belongs to the latest trial started at or before it; converted within 14 days.
  const events = (await rows(db, `SELECT customer_id, change_type, CAST(occurred_at AS VARCHAR) AS at FROM stg_subscription_events WHERE change_type IN ('trial_started', 'trial_converted') ORDER BY customer_id, occurred_at`)).filter((r) => accounts.has(String(r.customer_id)));
  const trials: { id: string; at: string; converted: string | null }[] = [];
  for (const e of events) {
    const id = String(e.customer_id);
    const time = String(e.at);
    if (e.change_type === 'trial_started') trials.push({ id, at: time, converted: null });
    else {
      const trial = trials.filter((t) => t.id === id && t.at <= time).at(-1);
      if (trial && (trial.converted === null || time.slice(0, 10) < trial.converted)) trial.converted = time.slice(0, 10);
    }
  }
  const trialRate = (m: string) => {
    const cohort = trials.filter((t) => monthOf(t.at) === m);
    if (cohort.length === 0) return null;
    return cohort.filter((t) => t.converted !== null && t.converted <= addDays(t.at.slice(0, 10), 14)).length / cohort.length;
  };
  const trialMonths = [...new Set(trials.map((t) => monthOf(t.at)))].filter((m) => addDays(lastDay(m), 14) <= AS_OF).sort();
  const trialMonth = trialMonths.at(-1)!;

  // Activity: distinct users per calendar month, and DAU / 30-day active users averaged over the month's days.
  const days = (await rows(db, `SELECT user_id, CAST(event_date AS VARCHAR) AS day FROM fct_user_days`)).filter((r) => users.has(String(r.user_id)));
  const activeByDay = new Map<string, Set<string>>();
  for (const d of days) {
    const day = String(d.day);
    if (!activeByDay.has(day)) activeByDay.set(day, new Set());
    activeByDay.get(day)!.add(String(d.user_id));
  }
  const mau = (m: string) => new Set(days.filter((d) => monthOf(String(d.day)) === m).map((d) => String(d.user_id))).size;
  const dauMau = (m: string) => {
    const ratios: number[] = [];
    for (let day = m; day <= lastDay(m); day = addDays(day, 1)) {
      const window = new Set<string>();
      for (let k = 0; k < 30; k++) for (const u of activeByDay.get(addDays(day, -k)) ?? []) window.add(u);
      if (window.size > 0) ratios.push((activeByDay.get(day)?.size ?? 0) / window.size);
    }
    return ratios.reduce((a, b) => a + b, 0) / ratios.length;
  };

  const m = LATEST_COMPLETE;
  const p = addMonths(m, -1);
  const [now, before] = [revenueAt(m), revenueAt(p)];
  const [retNow, retBefore] = [retentionAt(m), retentionAt(p)];
  return {
    mrr: { month: m, value: now.mrr, previous: before.mrr },
    arr: { month: m, value: now.arr, previous: before.arr },
    paying: { month: m, value: now.paying, previous: before.paying },
    nrr: { month: m, value: retNow.nrr, previous: retBefore.nrr },
    grr: { month: m, value: retNow.grr, previous: retBefore.grr },
    logoChurn: { month: m, value: now.logoChurn, previous: before.logoChurn },
    arpa: { month: m, value: now.arpa, previous: before.arpa },
    ltv: { month: m, value: now.ltv, previous: before.ltv },
    quickRatio: { month: m, value: now.quickRatio, previous: before.quickRatio },
    trialToPaid: { month: trialMonth, value: trialRate(trialMonth), previous: trialRate(addMonths(trialMonth, -1)) },
    mau: { month: m, value: mau(m), previous: mau(p) },
    dauMau: { month: m, value: dauMau(m), previous: dauMau(p) },
  };
}

async function compare(filters: Filters, accountSql: string) {
  const accounts = new Set((await rows(db, accountSql)).map((r) => String(r.customer_id)));
  const users = new Set((await rows(db, `SELECT user_id FROM stg_users WHERE customer_id IN (${accountSql})`)).map((r) => String(r.user_id)));
  const fromView = await viewKpis(filters);
  const expected = await independentKpis(accounts, users);
  expect([...fromView.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [id, want] of Object.entries(expected)) {
    const got = fromView.get(id)!;
    expect({ id, period: got.period }).toEqual({ id, period: want.month });
    for (const [value, reference] of [
      [got.value, want.value],
      [got.previousValue, want.previous],
    ] as const) {
      if (reference === null) expect({ id, value }).toEqual({ id, value: null });
      else expect(value, id).toBeCloseTo(reference, 6);
    }
  }
  return fromView;
}

describe('Overview KPIs against an independent recomputation', () => {
  it('match for all accounts, on the latest complete month (the as-of month is partial)', async () => {
    const kpis = await compare(NO_FILTERS, 'SELECT customer_id FROM stg_customers');
    expect(kpis.get('mrr')!.value).toBeGreaterThan(0);
    expect(kpis.get('mrr')!.trend).toHaveLength(12);
  });

  it('match under a region and channel filter', async () => {
    const filters = { ...NO_FILTERS, regions: ['NA', 'EU'], channels: ['organic', 'paid'] };
    const kpis = await compare(filters, `SELECT customer_id FROM stg_customers WHERE region IN ('NA', 'EU') AND acquisition_channel IN ('organic', 'paid')`);
    const all = await viewKpis(NO_FILTERS);
    expect(kpis.get('mrr')!.value!).toBeLessThan(all.get('mrr')!.value!);
  });
});
