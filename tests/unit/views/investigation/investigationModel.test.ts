import { describe, expect, it } from 'vitest';
import { barAt, quarterBarsOption } from '../../../../src/views/investigation/investigationCharts';
import {
  cents,
  decompositionSteps,
  defaultQuarter,
  effectGroups,
  effectiveQuarter,
  quartersOf,
  trueUpFor,
  trueUpSteps,
} from '../../../../src/views/investigation/investigationModel';
import { assertQuarter, type DecompositionRow, drilldownSql, type EffectGroup, type QuarterRow, type TrueUpRow } from '../../../../src/views/investigation/investigationQueries';

const bar = (quarter: string, type: QuarterRow['type'], avgNet: number | null, partial = false): QuarterRow => ({
  quarter,
  quarterStart: `${quarter.slice(0, 4)}-01-01`,
  type,
  partial,
  accounts: avgNet === null ? 0 : 2,
  avgGross: avgNet,
  avgDiscounts: avgNet === null ? null : 0,
  avgReversals: avgNet === null ? null : 0,
  avgNet,
});
const bars = [bar('2024-Q4', 'subscription', 20), bar('2024-Q4', 'add_on', null), bar('2024-Q4', 'gift', 5), bar('2025-Q1', 'subscription', 10, true), bar('2025-Q1', 'add_on', 3, true), bar('2025-Q1', 'gift', null, true)];

describe('quarters', () => {
  it('lists the quarters and picks the latest complete one unless a present one was chosen', () => {
    expect(quartersOf(bars)).toEqual(['2024-Q4', '2025-Q1']);
    expect(defaultQuarter(bars)).toBe('2024-Q4');
    expect(defaultQuarter(bars.filter((b) => b.partial))).toBe('2025-Q1');
    expect(defaultQuarter([])).toBeNull();
    expect(effectiveQuarter('2025-Q1', bars)).toBe('2025-Q1');
    expect(effectiveQuarter('2023-Q1', bars)).toBe('2024-Q4');
  });

  it('draws one series per type, with gaps for quarters without accounts, faded when in progress', () => {
    const option = quarterBarsOption(bars) as { series: { name: string; data: { value: number | string; itemStyle?: { opacity: number } }[] }[] };
    expect(option.series.map((s) => s.name)).toEqual(['Subscription', 'Add-on', 'Gift']);
    expect(option.series[0]!.data).toEqual([{ value: 20 }, { value: 10, itemStyle: { opacity: 0.45 } }]);
    expect(option.series[1]!.data[0]).toEqual({ value: '-' });
    expect(barAt(bars, 2, 0)).toEqual({ quarter: '2024-Q4', type: 'gift' });
    expect(barAt(bars, 3, 0)).toBeNull();
    expect(barAt(bars, 0, 2)).toBeNull();
  });
});

const trueUpRow = (type: TrueUpRow['type'], scope: TrueUpRow['scope'], gross: number, welcome: number, refund: number): TrueUpRow => ({
  quarter: '2024-Q1',
  type,
  scope,
  partial: false,
  accounts: 1,
  invoices: 1,
  priceBookGross: gross,
  gross,
  welcomeOffer: welcome,
  prepaid3: 0,
  prepaid6: 0,
  annual: 0,
  promo: 0,
  otherDiscount: 0,
  refund,
  chargeback: 0,
  unsatisfiedReturn: 0,
  net: gross - welcome - refund,
  trueUpDifference: 0,
});

describe('true-up', () => {
  const rows = [trueUpRow('subscription', 'first_invoice', 100, 20, 5), trueUpRow('gift', 'first_invoice', 50, 0, 10), trueUpRow('subscription', 'all_invoices', 300, 20, 5)];

  it('adds the types up for all types, and picks one type and scope otherwise', () => {
    const all = trueUpFor(rows, '2024-Q1', 'all', 'first_invoice')!;
    expect([all.accounts, all.gross, all.welcomeOffer, all.refund, all.net]).toEqual([2, 150, 20, 15, 115]);
    expect(trueUpFor(rows, '2024-Q1', 'subscription', 'all_invoices')!.gross).toBe(300);
    expect(trueUpFor(rows, '2024-Q1', 'add_on', 'first_invoice')).toBeNull();
    expect(trueUpFor(rows, '2025-Q1', 'all', 'first_invoice')).toBeNull();
  });

  it('steps from gross through every discount and reversal to net', () => {
    const steps = trueUpSteps(trueUpFor(rows, '2024-Q1', 'subscription', 'first_invoice')!);
    expect(steps).toHaveLength(11);
    expect(steps[0]).toEqual({ key: 'gross', label: 'Gross', value: 100, kind: 'total' });
    expect(steps.find((s) => s.key === 'welcomeOffer')!.value).toBe(-20);
    expect(steps.find((s) => s.key === 'refund')!.value).toBe(-5);
    // A deduction of nothing is +0, so it never prints as -$0.00.
    expect(Object.is(steps.find((s) => s.key === 'promo')!.value, 0)).toBe(true);
    expect(steps.at(-1)).toEqual({ key: 'net', label: 'Net', value: 75, kind: 'total' });
    expect(steps.slice(0, -1).reduce((s, x) => s + x.value, 0)).toBe(75);
  });
});

const component = (group: EffectGroup, name: string, effect: number | null): DecompositionRow => ({
  baseQuarter: '2024-Q1',
  compareQuarter: '2025-Q1',
  partialCompare: false,
  baseAccounts: 8,
  compareAccounts: 11,
  baseAvgNet: 20,
  compareAvgNet: 10,
  totalChange: -10,
  sortOrder: 1,
  group,
  component: name,
  factor: 'x',
  baseValue: 1,
  compareValue: 2,
  effect,
});

describe('decomposition', () => {
  const rows = [component('price', 'Starter', 1), component('price', 'Pro', -0.5), component('seats', 'Starter', -1.5), component('plan_mix', 'Pro', -2), component('discount', 'welcome_offer', -8), component('reversal', 'refund', 1)];

  it('sums each group and steps from the base to the compare average', () => {
    expect(effectGroups(rows).map((g) => g.effect)).toEqual([0.5, -1.5, -2, -8, 1]);
    const steps = decompositionSteps(rows)!;
    expect(steps.map((s) => [s.label, s.value])).toEqual([
      ['2024-Q1', 20],
      ['Price per seat', 0.5],
      ['Seats', -1.5],
      ['Plan mix', -2],
      ['Discounts', -8],
      ['Reversals', 1],
      ['2025-Q1', 10],
    ]);
  });

  it('cannot split a change when a quarter has no account', () => {
    expect(decompositionSteps(rows.map((r) => ({ ...r, effect: null, compareAvgNet: null })))).toBeNull();
    expect(decompositionSteps([])).toBeNull();
    expect(effectGroups(rows.map((r) => ({ ...r, effect: null })))[0]!.effect).toBeNull();
  });
});

describe('guards and formats', () => {
  it('refuses quarters and types that are not the marts own before they reach SQL', () => {
    expect(assertQuarter('2024-Q3')).toBe('2024-Q3');
    expect(() => assertQuarter("2024-Q1' OR 1=1 --")).toThrow();
    expect(drilldownSql('SELECT 1', '2024-Q1', 'gift')).toContain(`a.acquisition_quarter = '2024-Q1' AND a.acquisition_type = 'gift'`);
    expect(() => drilldownSql('SELECT 1', '2024-Q1', 'bogus' as 'gift')).toThrow();
  });

  it('prints cents without a negative zero', () => {
    expect(cents(-0.001)).toBe('0.00');
    expect(cents(12.345)).toBe('12.35');
    expect(cents(-3.5)).toBe('-3.50');
  });
});
