import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/pipeline/filters';
import { martQuery } from '../../src/pipeline/martQuery';
import { SQL_MODELS } from '../../src/pipeline/sqlFiles';
import { USER_MARTS } from '../helpers/filteredMarts';
import { expectSameRows, restrictedRun } from '../helpers/filteredRuns';
import { loadGenerated, type NodeDb, openDb, rows, runAll } from '../helpers/nodeDb';

const DATA = { preset: 'tiny', seed: 21 } as const;
const RANGE = { dateFrom: '2024-04-01', dateTo: '2025-03-31' };
const WEB = { ...NO_FILTERS, platforms: ['Web'] };

/**
 * A platform filter on a mart of users keeps the users on that platform (the raw users'
 * own platform, their earliest row as stg_users keeps it), whatever platform their account
 * signed up on: the same as a pipeline run on those users alone, with every account kept.
 */
describe('a platform filter on the marts of users against a pipeline run on those users alone', () => {
  let full: NodeDb;
  let part: NodeDb;
  beforeAll(async () => {
    full = await openDb();
    await loadGenerated(full, DATA);
    await runAll(full);
    part = await restrictedRun(
      DATA,
      `SELECT DISTINCT trim(customer_id) AS id FROM customers`,
      `SELECT id FROM (SELECT trim(user_id) AS id, lower(trim(platform)) AS platform FROM users WHERE user_id IS NOT NULL
         QUALIFY row_number() OVER (PARTITION BY trim(user_id) ORDER BY created_at) = 1) WHERE platform = 'web'`,
    );
  }, 120_000);
  afterAll(() => {
    full.close();
    part.close();
  });

  it('cuts the users: some kept, not all', async () => {
    const [kept] = await rows(part, 'SELECT count(*) AS n FROM stg_users');
    const [all] = await rows(full, 'SELECT count(*) AS n FROM stg_users');
    expect(kept!.n).toBeGreaterThan(0);
    expect(kept!.n).toBeLessThan(all!.n as number);
  });

  for (const [name, period] of Object.entries(USER_MARTS)) {
    it(`${name}${period === null ? '' : ', with and without a date range'}`, async () => {
      const filtered = await rows(full, `SELECT * FROM (${martQuery(SQL_MODELS, name, WEB)}) ORDER BY ALL`);
      const alone = await rows(part, `SELECT * FROM ${name} ORDER BY ALL`);
      expect(filtered.length, name).toBeGreaterThan(0);
      expectSameRows(filtered, alone, name);
      if (period === null) return;
      const inRange = await rows(full, `SELECT * FROM (${martQuery(SQL_MODELS, name, { ...WEB, ...RANGE })}) ORDER BY ALL`);
      const aloneInRange = await rows(part, `SELECT * FROM ${name} WHERE ${period} BETWEEN DATE '${RANGE.dateFrom}' AND DATE '${RANGE.dateTo}' ORDER BY ALL`);
      expect(inRange.length, name).toBeGreaterThan(0);
      expect(inRange.length, name).toBeLessThan(filtered.length);
      expectSameRows(inRange, aloneInRange, `${name} in range`);
    });
  }

  it("churn_flags reads each kept user's account churn even when the account signed up on another platform", async () => {
    // The property behind not restricting accounts by sign-up platform in a mart of users.
    const [mixed] = await rows(
      full,
      `SELECT count(*) AS n FROM (${martQuery(SQL_MODELS, 'churn_flags', WEB)}) AS f
       JOIN dim_customers AS c ON c.customer_id = f.customer_id WHERE c.signup_platform <> 'Web' AND f.is_account_churned`,
    );
    expect(mixed!.n).toBeGreaterThan(0);
  });
});
