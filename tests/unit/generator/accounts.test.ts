import { describe, expect, it } from 'vitest';
import { nameAccounts, simulateAccounts } from '../../../src/generator/accounts';
import { checkedParams } from '../../../src/generator/params';
import { simulationWindow } from '../../../src/generator/window';

const SURNAME = "[A-Z][A-Za-z']+(?:-[A-Z][A-Za-z']+)?";
/** faker's three English company-name patterns. */
const PATTERNS = [new RegExp(`^${SURNAME} - ${SURNAME}$`), new RegExp(`^${SURNAME} (?:Group|Inc|LLC|and Sons)$`), new RegExp(`^${SURNAME}, ${SURNAME} and ${SURNAME}$`)];

function named(seed: number) {
  const params = checkedParams({ preset: 'tiny', seed });
  const accounts = simulateAccounts(params.seed, params.accounts, params.usersPerAccount, simulationWindow(params));
  nameAccounts(seed, accounts);
  return accounts;
}

describe('company names', () => {
  it('follow faker’s company-name patterns, all three of them, with the surname double-barrelled now and then', () => {
    const names = named(7).map((a) => a.companyName);
    expect(names.filter((n) => !PATTERNS.some((p) => p.test(n)))).toEqual([]);
    for (const pattern of PATTERNS) expect(names.filter((n) => pattern.test(n)).length).toBeGreaterThan(names.length / 6);
    expect(names.some((n) => /[a-z]-[A-Z]/.test(n))).toBe(true);
    expect(new Set(names).size).toBeGreaterThan(0.9 * names.length);
  });

  it('depend on the seed alone and change nothing else of an account', () => {
    const first = named(7);
    expect(named(7).map((a) => a.companyName)).toEqual(first.map((a) => a.companyName));
    expect(named(8).map((a) => a.companyName)).not.toEqual(first.map((a) => a.companyName));
    const params = checkedParams({ preset: 'tiny', seed: 7 });
    const unnamed = simulateAccounts(params.seed, params.accounts, params.usersPerAccount, simulationWindow(params));
    expect(first.map((a) => ({ ...a, companyName: '' }))).toEqual(unnamed);
  });
});
