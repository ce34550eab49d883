import { describe, expect, it } from 'vitest';
import { filterChips, knownValues, toFilterOptions, toggleValue } from '../../../src/components/filterOptions';
import { NO_FILTERS } from '../../../src/pipeline/filters';

describe('filter options', () => {
  it('groups the values by list, tiers in price order, the rest alphabetical', () => {
    const options = toFilterOptions([
      { list: 'plans', value: 'Pro', count: 3 },
      { list: 'plans', value: 'Free', count: 9 },
      { list: 'plans', value: 'Enterprise', count: 1 },
      { list: 'regions', value: 'NA', count: 5 },
      { list: 'regions', value: 'EU', count: 4 },
      { list: 'unknown', value: 'x', count: 1 },
    ]);
    expect(options.plans.map((o) => o.value)).toEqual(['Free', 'Pro', 'Enterprise']);
    expect(options.regions).toEqual([
      { value: 'EU', count: 4 },
      { value: 'NA', count: 5 },
    ]);
    expect(knownValues(options)).toEqual({ plans: ['Free', 'Pro', 'Enterprise'], regions: ['EU', 'NA'], channels: [], platforms: [], industries: [] });
  });

  it('makes one removable chip per active filter, removing only itself', () => {
    const filters = { ...NO_FILTERS, dateFrom: '2025-01-01', plans: ['Pro', 'Growth'], industries: ['HR Tech'] };
    const chips = filterChips(filters);
    expect(chips.map((c) => c.label)).toEqual(['From 2025-01-01', 'Plan: Pro', 'Plan: Growth', 'Industry: HR Tech']);
    expect(chips[0]!.without).toEqual({ dateFrom: null });
    expect(chips[1]!.without).toEqual({ plans: ['Growth'] });
    expect(filterChips(NO_FILTERS)).toEqual([]);
  });

  it('toggles a value in a list', () => {
    expect(toggleValue(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleValue(['a', 'b'], 'a')).toEqual(['b']);
  });
});
