import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Filters, NO_FILTERS } from '../../src/pipeline/filters';
import type { Grain } from '../../src/state/filtersSlice';
import { channelTotals, funnelStages } from '../../src/views/funnel/funnelModel';
import type { FunnelMonth, TrialCohort } from '../../src/views/funnel/funnelRows';
import { monthlyFunnelSql, trialCohortsSql } from '../../src/views/funnel/funnelQueries';
import { accountingSql, resurrectionSql, stickinessSql } from '../../src/views/growth/growthQueries';
import { quickRatioBenchmark } from '../../src/views/growth/quickRatioChart';
import { milesPeriodsSql } from '../../src/views/miles/milesQueries';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

/**
 * The growth, miles and funnel views' own SQL (what it computes beyond selecting mart columns:
 * roll-ups of daily marts to weeks and months, the date range, the liability at a period's
 * end) on the tiny preset, against recomputations in JavaScript from silver and bronze rows.
 */

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** First day of the period holding an ISO date (ISO weeks start on Monday). */
function periodStart(iso: string, grain: Grain): string {
  if (grain === 'day') return iso;
  if (grain === 'month') return `${iso.slice(0, 7)}-01`;
  const weekday = (new Date(dayOf(iso)).getUTCDay() + 6) % 7; // Monday 0
  return isoOf(dayOf(iso) - weekday * DAY_MS);
}

function periodEnd(start: string, grain: Grain): string {
  if (grain === 'day') return start;
  if (grain === 'week') return isoOf(dayOf(start) + 6 * DAY_MS);
  const d = new Date(dayOf(start));
  return isoOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const mean = (values: readonly (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
};

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/** The view query's rows with dates as ISO text. */
async function periodRows(db: NodeDb, sql: string): Promise<Record<string, unknown>[]> {
  return rows(db, `SELECT strftime(period_start, '%Y-%m-%d') AS period, * EXCLUDE (period_start) FROM (${sql}) ORDER BY period`);
}

describe('the views’ queries on the tiny preset (seed 21)', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openDb();
    await loadGenerated(db, { preset: 'tiny', seed: 21 });
    await runAll(db);
  }, 120_000);
  afterAll(() => db.close());

  const mart = (name: string) => `SELECT * FROM ${name}`;

  it.each(['week', 'month'] as const)('stickiness by %s is the mean of the daily ratios over the period’s days', async (grain) => {
    const daily = await rows(db, `SELECT strftime(event_date, '%Y-%m-%d') AS day, dau_wau_stickiness AS a, dau_mau_stickiness AS b, wau_mau_stickiness AS c, daily_active_users AS dau FROM growth_metrics`);
    const expected = [...groupBy(daily, (r) => periodStart(r.day as string, grain))].map(([period, days]) => {
      const sorted = days.map((d) => d.day as string).sort();
      return {
        period,
        isPartial: sorted[0]! > period || sorted[sorted.length - 1]! < periodEnd(period, grain),
        dauWau: mean(days.map((d) => d.a as number | null)),
        dauMau: mean(days.map((d) => d.b as number | null)),
        wauMau: mean(days.map((d) => d.c as number | null)),
        avgDau: mean(days.map((d) => d.dau as number)),
      };
    });
    const got = await periodRows(db, stickinessSql(mart('growth_metrics'), grain, NO_FILTERS));
    expect(got.map((r) => r.period)).toEqual(expected.map((e) => e.period).sort());
    expect(got.length).toBeGreaterThan(grain === 'week' ? 100 : 20);
    for (const e of expected) {
      const g = got.find((r) => r.period === e.period)!;
      expect(g.is_partial, e.period).toBe(e.isPartial);
      for (const [column, value] of [['dau_wau', e.dauWau], ['dau_mau', e.dauMau], ['wau_mau', e.wauMau], ['avg_dau', e.avgDau]] as const) {
        expect(close(g[column] as number | null, value), `${e.period} ${column}: ${String(g[column])} vs ${String(value)}`).toBe(true);
      }
    }
  });

  it('resurrections by month add up each dormancy length and average the dormancy over all returns (from growth_user_days)', async () => {
    const returns = await rows(db, `SELECT strftime(event_date, '%Y-%m-%d') AS day, days_since_previous AS gap FROM growth_user_days WHERE days_since_previous >= 2`);
    const expected = new Map(
      [...groupBy(returns, (r) => periodStart(r.day as string, 'month'))].map(([period, list]) => {
        const gaps = list.map((r) => r.gap as number);
        const count = (lo: number, hi: number) => gaps.filter((g) => g >= lo && g <= hi).length;
        return [period, { total: gaps.length, short: count(2, 7), medium: count(8, 30), long: count(31, 90), veryLong: count(91, Infinity), mean: mean(gaps) }];
      }),
    );
    const got = await periodRows(db, resurrectionSql(mart('user_resurrection_analysis'), 'month', NO_FILTERS));
    expect(got.length).toBe(24);
    let total = 0;
    for (const g of got) {
      const e = expected.get(g.period as string) ?? { total: 0, short: 0, medium: 0, long: 0, veryLong: 0, mean: null };
      expect([g.total_resurrections, g.short_dormancy, g.medium_dormancy, g.long_dormancy, g.very_long_dormancy], g.period as string).toEqual([e.total, e.short, e.medium, e.long, e.veryLong]);
      expect(close(g.avg_dormancy_days as number | null, e.mean), `${String(g.period)} mean dormancy`).toBe(true);
      total += e.total;
    }
    expect(total).toBe(returns.length);
  });

  it.each([
    ['week', NO_FILTERS],
    ['month', { ...NO_FILTERS, dateFrom: '2024-03-13', dateTo: '2024-05-20' }],
  ] as const)('miles by %s: sums of stg_events within the range, the liability through the period’s last day', async (grain, filters: Filters) => {
    const events = await rows(
      db,
      `SELECT strftime(event_date, '%Y-%m-%d') AS day, event_type AS type, CAST(miles_amount AS DOUBLE) AS miles FROM stg_events WHERE event_type IN ('miles_earned', 'miles_redeemed')`,
    );
    const got = await periodRows(db, milesPeriodsSql(mart('miles_analytics'), grain, filters));
    const inRange = (day: string) => (filters.dateFrom === null || day >= filters.dateFrom) && (filters.dateTo === null || day <= filters.dateTo);
    const sum = (pick: (e: Record<string, unknown>) => boolean) => events.filter(pick).reduce((s, e) => s + (e.miles as number), 0);
    expect(got.length).toBeGreaterThan(grain === 'week' ? 100 : 2);
    for (const g of got) {
      const period = g.period as string;
      const lastDay = g.last_day === null ? null : isoOf(g.last_day as number);
      const inPeriod = (e: Record<string, unknown>) => periodStart(e.day as string, grain) === period && inRange(e.day as string);
      expect(g.miles_earned, period).toBe(sum((e) => inPeriod(e) && e.type === 'miles_earned'));
      expect(g.miles_redeemed, period).toBe(sum((e) => inPeriod(e) && e.type === 'miles_redeemed'));
      const upTo = (e: Record<string, unknown>) => (e.day as string) <= lastDay!;
      expect(g.liability_end, period).toBe(sum((e) => upTo(e) && e.type === 'miles_earned') - sum((e) => upTo(e) && e.type === 'miles_redeemed'));
    }
    if (filters.dateFrom !== null) {
      expect(got.map((g) => [g.period, g.is_partial, isoOf(g.first_day as number), isoOf(g.last_day as number)])).toEqual([
        ['2024-03-01', true, '2024-03-13', '2024-03-31'],
        ['2024-04-01', false, '2024-04-01', '2024-04-30'],
        ['2024-05-01', true, '2024-05-01', '2024-05-20'],
      ]);
    }
  });

  it('growth accounting keeps the whole periods that start in the date range, as the mart has them', async () => {
    const filters = { ...NO_FILTERS, dateFrom: '2024-03-13', dateTo: '2024-04-02' };
    const got = await periodRows(db, accountingSql(mart('social_capital_growth_accounting_weekly'), 'week', filters));
    expect(got.map((r) => r.period)).toEqual(['2024-03-18', '2024-03-25', '2024-04-01']);
    const marts = await rows(db, `SELECT strftime(activity_week, '%Y-%m-%d') AS period, total_wau, new_users, churned_users FROM social_capital_growth_accounting_weekly WHERE activity_week BETWEEN DATE '2024-03-18' AND DATE '2024-04-01' ORDER BY 1`);
    expect(got.map((r) => [r.period, r.active_users, r.new_users, r.churned_users])).toEqual(marts.map((m) => [m.period, m.total_wau, m.new_users, m.churned_users]));
    const monthly = await periodRows(db, accountingSql(mart('social_capital_growth_accounting'), 'month', { ...filters, dateFrom: '2024-03-01' }));
    expect(monthly.map((r) => r.period)).toEqual(['2024-03-01', '2024-04-01']);
  });

  it("classifies every month's quick ratio as quick_ratio_analysis does", async () => {
    const months = await rows(db, 'SELECT quick_ratio, quick_ratio_benchmark FROM quick_ratio_analysis');
    expect(months.length).toBe(24);
    for (const m of months) expect(quickRatioBenchmark(m.quick_ratio as number | null)).toBe(m.quick_ratio_benchmark);
  });

  it('trial conversion by channel matches a recount of the 14-day trials from the subscription events', async () => {
    const events = await rows(
      db,
      `SELECT s.customer_id AS id, s.change_type AS type, epoch_ms(s.occurred_at) AS at, strftime(CAST(s.occurred_at AS DATE), '%Y-%m-%d') AS day, c.acquisition_channel AS channel
       FROM stg_subscription_events AS s JOIN stg_customers AS c USING (customer_id)
       WHERE s.change_type IN ('trial_started', 'trial_converted') ORDER BY s.customer_id, s.occurred_at`,
    );
    // Each conversion belongs to the latest trial started at or before it; it counts when it is at most 14 days after the trial's start date.
    const trials: { channel: string; startDay: string; convertedDay: string | null }[] = [];
    for (const [, list] of groupBy(events, (e) => e.id as string)) {
      const mine: (typeof trials)[number][] = [];
      for (const e of list) {
        if (e.type === 'trial_started') mine.push({ channel: e.channel as string, startDay: e.day as string, convertedDay: null });
        else if (mine.length > 0 && mine[mine.length - 1]!.convertedDay === null) mine[mine.length - 1]!.convertedDay = e.day as string;
      }
      trials.push(...mine);
    }
    const converted = (t: (typeof trials)[number]) => t.convertedDay !== null && dayOf(t.convertedDay) - dayOf(t.startDay) <= 14 * DAY_MS;
    const cohorts = (await rows(db, `SELECT *, epoch_ms(period_start) AS ms FROM (${trialCohortsSql(mart('trial_conversion_cohorts'), NO_FILTERS)})`)).map(
      (r): TrialCohort => ({
        periodStart: isoOf(r.ms as number),
        channel: r.acquisition_channel as string,
        trialsStarted: r.trials_started as number,
        converted: r.converted as number,
        trialsOpen: r.trials_open as number,
        conversionRate: r.conversion_rate as number | null,
        medianDaysToConvert: r.median_days_to_convert as number | null,
        isComplete: r.is_cohort_complete as boolean,
      }),
    );
    const totals = channelTotals(cohorts);
    const byChannel = groupBy(trials, (t) => t.channel);
    expect(totals.map((t) => t.channel)).toEqual([...[...byChannel.keys()].sort(), 'all']);
    for (const total of totals) {
      const mine = total.channel === 'all' ? trials : byChannel.get(total.channel)!;
      expect([total.channel, total.trialsStarted, total.converted]).toEqual([total.channel, mine.length, mine.filter(converted).length]);
    }
    expect(trials.length).toBeGreaterThan(50);
  });

  it('the funnel’s sign-ups and trials match a count of the accounts and trial starts', async () => {
    const months = (await rows(db, `SELECT * FROM (${monthlyFunnelSql(mart('monthly_funnel'), NO_FILTERS)})`)).map(
      (r) => ({ signups: r.signups, trials: r.trials, trialConversions: r.trial_conversions }) as FunnelMonth,
    );
    const [signups] = await rows(db, `SELECT count(*) AS n FROM stg_customers WHERE signup_date <= (SELECT as_of_date FROM run_params)`);
    const [trials] = await rows(db, `SELECT count(*) AS n FROM stg_subscription_events WHERE change_type = 'trial_started'`);
    const stages = funnelStages(months);
    expect(stages.map((s) => s.value).slice(0, 2)).toEqual([signups!.n, trials!.n]);
  });
});
