import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_OPTIONS, martFor, readRetentionParams, type RetentionOptions, unavailableReason, withChange, writeRetentionParams } from '../../../../src/views/retention/retentionOptions';

const o = (patch: Partial<RetentionOptions>): RetentionOptions => ({ ...DEFAULT_RETENTION_OPTIONS, ...patch });

describe('retention options', () => {
  it('reads monthly "on" retention from the marts and computes the rest', () => {
    expect(martFor(o({}))).toBe('retention_cohorts');
    expect(martFor(o({ subject: 'accounts' }))).toBe('cohort_retention');
    expect(martFor(o({ subject: 'accounts', measure: 'revenue' }))).toBe('cohort_retention');
    expect(martFor(o({ grain: 'week' }))).toBeNull();
    expect(martFor(o({ convention: 'onOrAfter' }))).toBeNull();
    expect(martFor(o({ subject: 'accounts', convention: 'onOrAfter' }))).toBeNull();
  });

  it('keeps the choice just made and adjusts the others into a valid combination', () => {
    expect(withChange(o({ grain: 'week' }), { subject: 'accounts' })).toEqual(o({ subject: 'accounts', grain: 'month' }));
    expect(withChange(o({ subject: 'accounts' }), { grain: 'week' })).toEqual(o({ subject: 'users', grain: 'week' }));
    expect(withChange(o({}), { measure: 'revenue' })).toEqual(o({ subject: 'accounts', measure: 'revenue' }));
    expect(withChange(o({ subject: 'accounts', measure: 'revenue' }), { subject: 'users' })).toEqual(o({ subject: 'users', measure: 'logo' }));
    expect(withChange(o({ subject: 'accounts', measure: 'revenue' }), { convention: 'onOrAfter' })).toEqual(o({ subject: 'accounts', measure: 'logo', convention: 'onOrAfter' }));
    expect(withChange(o({ subject: 'accounts', convention: 'onOrAfter' }), { measure: 'revenue' })).toEqual(o({ subject: 'accounts', measure: 'revenue', convention: 'on' }));
    expect(withChange(o({ grain: 'week', convention: 'onOrAfter' }), { measure: 'revenue' })).toEqual(o({ subject: 'accounts', measure: 'revenue', grain: 'month', convention: 'on' }));
    // Every result of every single change is a valid combination.
    const all: RetentionOptions[] = [];
    for (const subject of ['users', 'accounts'] as const)
      for (const measure of ['logo', 'revenue'] as const)
        for (const grain of ['month', 'week'] as const) for (const convention of ['on', 'onOrAfter'] as const) all.push({ subject, measure, grain, convention });
    const valid = all.filter((x) => unavailableReason(x, {}) === null);
    expect(valid).toHaveLength(7);
    for (const start of valid) for (const change of [{ subject: 'users' }, { subject: 'accounts' }, { measure: 'revenue' }, { measure: 'logo' }, { grain: 'week' }, { grain: 'month' }, { convention: 'on' }, { convention: 'onOrAfter' }] as Partial<RetentionOptions>[]) {
      const next = withChange(start, change);
      expect(unavailableReason(next, {}), JSON.stringify([start, change])).toBeNull();
      expect(next).toMatchObject(change);
    }
  });

  it('round-trips through the URL, writing only what differs from the defaults and keeping other parameters', () => {
    const options = o({ subject: 'users', grain: 'week', convention: 'onOrAfter' });
    const search = writeRetentionParams(options, '?preset=tiny&view=retention&subject=accounts');
    expect(search).toBe('?preset=tiny&view=retention&cohort=week&convention=on-or-after');
    expect(readRetentionParams(search)).toEqual({ options, problems: [] });
    expect(writeRetentionParams(DEFAULT_RETENTION_OPTIONS, '?view=retention')).toBe('?view=retention');
    expect(writeRetentionParams(null, '?cohort=week&seed=3')).toBe('?seed=3');
  });

  it('drops a bad value or an impossible combination and names it', () => {
    expect(readRetentionParams('?cohort=year&subject=accounts')).toEqual({ options: o({ subject: 'accounts' }), problems: ['unknown cohort "year"'] });
    const bad = readRetentionParams('?subject=users&measure=revenue');
    expect(bad.options).toEqual(DEFAULT_RETENTION_OPTIONS);
    expect(bad.problems).toEqual(['the retention settings users, revenue do not go together']);
  });
});
