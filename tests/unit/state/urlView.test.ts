import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../src/pipeline/filters';
import { NO_BRIDGE_SELECTION } from '../../../src/state/uiSlice';
import { linkNotice, readUrlSettings } from '../../../src/state/urlParams';
import { isCalendarDate, keepKnownValues, readUrlView, writeUrlView } from '../../../src/state/urlView';

const VIEWS = ['overview', 'revenue', 'retention'];

describe('view state from the URL', () => {
  it('reads the view, dates, repeated list filters and the grain', () => {
    const { state, problems } = readUrlView('?view=revenue&from=2025-01-01&to=2025-06-30&plan=Pro&plan=Growth&industry=HR+Tech&grain=week', VIEWS, 'overview');
    expect(problems).toEqual([]);
    expect(state).toEqual({
      view: 'revenue',
      grain: 'week',
      filters: { ...NO_FILTERS, dateFrom: '2025-01-01', dateTo: '2025-06-30', plans: ['Pro', 'Growth'], industries: ['HR Tech'] },
      bridge: NO_BRIDGE_SELECTION,
    });
  });

  it('uses the defaults when nothing is given', () => {
    expect(readUrlView('?seed=3', VIEWS, 'overview')).toEqual({ state: { view: 'overview', grain: 'month', filters: NO_FILTERS, bridge: NO_BRIDGE_SELECTION }, problems: [] });
  });

  it('drops each malformed value by name and keeps the rest', () => {
    const { state, problems } = readUrlView("?view=nope&grain=year&from=2025-02-30&to=soon&plan=Pro&plan=x'%3B+DROP&region=EU&region=EU&month=2025-13&drill=all", VIEWS, 'overview');
    expect(state).toEqual({ view: 'overview', grain: 'month', filters: { ...NO_FILTERS, plans: ['Pro'], regions: ['EU'] }, bridge: NO_BRIDGE_SELECTION });
    expect(problems).toEqual([
      'unknown view "nope"',
      'unknown grain "year"',
      'from "2025-02-30" is not a date (YYYY-MM-DD)',
      'to "soon" is not a date (YYYY-MM-DD)',
      `plan "x'; DROP" is not a valid value`,
      'month "2025-13" is not a month (YYYY-MM)',
      'unknown drill-down "all"',
    ]);
  });

  it('drops a reversed date range', () => {
    const { state, problems } = readUrlView('?from=2025-06-01&to=2025-01-01', VIEWS, 'overview');
    expect(state.filters.dateFrom).toBeNull();
    expect(state.filters.dateTo).toBeNull();
    expect(problems).toEqual(['the date range 2025-06-01 to 2025-01-01 ends before it starts']);
  });

  it('merges its problems with the generator settings into one notice', () => {
    const settings = readUrlSettings('?seed=abc&view=nope');
    const view = readUrlView('?seed=abc&view=nope', VIEWS, 'overview');
    expect(linkNotice([...settings.problems, ...view.problems])).toBe('Some link settings were ignored: seed "abc" is not a whole number; unknown view "nope".');
    expect(linkNotice([])).toBeNull();
  });
});

describe('view state in the URL round-trip', () => {
  it('writes only what differs from the defaults and keeps the generator settings', () => {
    const bridge = { month: '2025-02-01', step: 'churn' as const };
    const state = { view: 'revenue', grain: 'day' as const, filters: { ...NO_FILTERS, dateTo: '2025-03-31', regions: ['EU', 'APAC'], industries: ['HR Tech'] }, bridge };
    const search = writeUrlView(state, 'overview', '?seed=9&preset=tiny&view=retention&plan=Free&month=2024-01');
    expect(search).toBe('?seed=9&preset=tiny&view=revenue&to=2025-03-31&region=EU&region=APAC&industry=HR+Tech&grain=day&month=2025-02&drill=churn');
    expect(readUrlView(search, VIEWS, 'overview')).toEqual({ state, problems: [] });
    expect(writeUrlView({ view: 'overview', grain: 'month', filters: NO_FILTERS, bridge: NO_BRIDGE_SELECTION }, 'overview', '?view=revenue&grain=week&drill=new')).toBe('');
    // The bridge selection belongs to the Revenue view: another view's link leaves it out.
    expect(writeUrlView({ ...state, view: 'retention' }, 'overview')).not.toMatch(/month=|drill=/);
  });
});

describe('calendar dates and values from the data', () => {
  it('accepts only real dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
  });

  it('keeps only values the data has', () => {
    const filters = { ...NO_FILTERS, plans: ['Pro', 'Platinum'], regions: ['EU'] };
    const known = { plans: ['Free', 'Pro'], regions: ['EU', 'NA'], channels: [], platforms: [], industries: [] };
    expect(keepKnownValues(filters, known)).toEqual({ filters: { ...NO_FILTERS, plans: ['Pro'], regions: ['EU'] }, dropped: ['plan "Platinum" is not in the data'] });
  });
});
