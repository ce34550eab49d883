import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Filters, NO_FILTERS } from '../../src/pipeline/filters';
import { martQuery } from '../../src/pipeline/martQuery';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { ACCOUNT_MARTS, USER_MARTS } from '../helpers/filteredMarts';
import { expectSameRows, restrictedRun } from '../helpers/filteredRuns';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

const DATA = { preset: 'tiny', seed: 21 } as const;
const RANGE = { dateFrom: '2024-04-01', dateTo: '2025-03-31' };

/**
 * Account attributes as the raw CRM export has them, for the account's earliest row (the one
 * stg_customers keeps when the export repeats an account): an independent reading of which
 * accounts a region, channel, industry or sign-up platform filter keeps.
 */
const rawAccounts = (condition: string) =>
  `SELECT id FROM (SELECT trim(customer_id) AS id, upper(trim(region)) AS region, lower(trim(acquisition_channel)) AS channel,
     lower(trim(industry)) AS industry, lower(trim(signup_platform)) AS platform
   FROM customers WHERE customer_id IS NOT NULL
   QUALIFY row_number() OVER (PARTITION BY trim(customer_id) ORDER BY signup_at) = 1) WHERE ${condition}`;
const usersOf = (accounts: string) => `SELECT trim(user_id) AS id FROM users WHERE trim(customer_id) IN (${accounts})`;
const idList = (ids: unknown[]) => `SELECT unnest([${ids.map((id) => `'${String(id)}'`).join(', ')}]::VARCHAR[]) AS id`;

/**
 * An account filter applied at query time must give, for every mart, exactly what the
 * pipeline gives when run on only the filtered accounts (and their users): the restricted
 * run is an independent computation of the same figures. With a date range as well, each mart
 * keeps the rows of its periods inside the range, with the figures of the restricted run.
 */
describe('account filters at query time against a pipeline run on the filtered accounts alone', () => {
  let full: NodeDb;
  beforeAll(async () => {
    full = await openDb();
    await loadGenerated(full, DATA);
    await runAll(full);
  });
  afterAll(() => full.close());

  const compare = async (filters: Filters, keepAccounts: string, marts: Record<string, string | null>) => {
    const part = await restrictedRun(DATA, keepAccounts, usersOf(keepAccounts));
    try {
      const [kept] = await rows(part, 'SELECT count(*) AS n FROM stg_customers');
      const [all] = await rows(full, 'SELECT count(*) AS n FROM stg_customers');
      // The filter must actually cut: some accounts, not all of them.
      expect(kept!.n).toBeGreaterThan(0);
      expect(kept!.n).toBeLessThan(all!.n as number);
      for (const [name, period] of Object.entries(marts)) {
        const filtered = await rows(full, `SELECT * FROM (${martQuery(SQL_MODELS, name, filters)}) ORDER BY ALL`);
        const alone = await rows(part, `SELECT * FROM ${name} ORDER BY ALL`);
        expect(filtered.length, name).toBeGreaterThan(0);
        expectSameRows(filtered, alone, name);
        if (period === null) continue;
        const inRange = await rows(full, `SELECT * FROM (${martQuery(SQL_MODELS, name, { ...filters, ...RANGE })}) ORDER BY ALL`);
        const aloneInRange = await rows(part, `SELECT * FROM ${name} WHERE ${period} BETWEEN DATE '${RANGE.dateFrom}' AND DATE '${RANGE.dateTo}' ORDER BY ALL`);
        expect(inRange.length, `${name} in range`).toBeGreaterThan(0);
        expect(inRange.length, `${name} in range`).toBeLessThan(filtered.length);
        expectSameRows(inRange, aloneInRange, `${name} in range`);
      }
    } finally {
      part.close();
    }
  };

  it('region and channel: every mart of accounts and of users', async () => {
    await compare(
      { ...NO_FILTERS, regions: ['EU', 'NA'], channels: ['organic', 'paid'] },
      rawAccounts(`region IN ('EU', 'NA') AND channel IN ('organic', 'paid')`),
      { ...ACCOUNT_MARTS, ...USER_MARTS },
    );
  });

  it('plan and industry: every mart of accounts and of users', async () => {
    // The current plan is derived from the subscription history (dim_customers.current_tier),
    // not a raw column: the accounts it keeps are read from the full run.
    const onPlan = await rows(full, `SELECT customer_id FROM dim_customers WHERE current_tier IN ('Growth', 'Pro', 'Free') ORDER BY 1`);
    const keep = `SELECT id FROM (${idList(onPlan.map((r) => r.customer_id))}) WHERE id IN (${rawAccounts(`industry IN ('saas', 'fintech', 'healthtech')`)})`;
    await compare({ ...NO_FILTERS, plans: ['Growth', 'Pro', 'Free'], industries: ['SaaS', 'FinTech', 'HealthTech'] }, keep, { ...ACCOUNT_MARTS, ...USER_MARTS });
  });

  it('platform on the marts of accounts: the accounts that signed up on it, with all their users', async () => {
    await compare({ ...NO_FILTERS, platforms: ['iOS', 'Web'] }, rawAccounts(`platform IN ('ios', 'web')`), ACCOUNT_MARTS);
  });
});
