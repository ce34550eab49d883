import { describe, expect, it } from 'vitest';
import { formatMapping, importCommandLine, parseMapping, shellQuote } from '../../../src/import/commandLine';
import { analysesFor, mappingProblems } from '../../../src/import/roles';
import { activeReasons, describeRules, NO_RULES } from '../../../src/import/rules';

describe('mappingProblems', () => {
  it('asks for the required roles and a complete amount', () => {
    expect(mappingProblems('transactions', { customer_id: 'c' }, ['c', 'd'])).toEqual(['map a column to occurred_at (timestamp)']);
    expect(mappingProblems('transactions', { customer_id: 'c', occurred_at: 'd', quantity: 'q' }, ['c', 'd', 'q'])).toEqual([
      'an amount is either mapped itself or computed from both quantity and unit_price: map the other one too, or map amount',
    ]);
    expect(mappingProblems('customers', { customer_id: 'x', duration: 'nope', churned: 'c' }, ['x', 'c'])).toEqual(['duration is mapped to "nope", which is not a column of the file']);
    expect(mappingProblems('subscriptions', { account_id: 'a', date: 'd', amount: 'm' }, ['a', 'd', 'm'])).toEqual([]);
  });
  it('says which analyses a mapping allows and what the others need', () => {
    const byName = (kind: Parameters<typeof analysesFor>[0], mapping: Parameters<typeof analysesFor>[1]) => Object.fromEntries(analysesFor(kind, mapping).map((a) => [a.analysis, a.available]));
    expect(byName('transactions', { customer_id: 'c', occurred_at: 'd' })).toEqual({ retention: true, growth: true, revenue: false, survival: false });
    expect(byName('transactions', { customer_id: 'c', occurred_at: 'd', quantity: 'q', unit_price: 'p' })).toEqual({ retention: true, growth: true, revenue: true, survival: false });
    expect(byName('customers', { customer_id: 'c', duration: 'd', churned: 'x' })).toEqual({ retention: false, growth: false, revenue: false, survival: true });
    expect(analysesFor('customers', {}).find((a) => a.analysis === 'retention')!.needs).toContain('transactions table');
  });
});

describe('the command line of a mapping', () => {
  const spec = { kind: 'transactions' as const, mapping: { customer_id: 'CustomerID', occurred_at: 'InvoiceDate', order_id: 'InvoiceNo', quantity: 'Quantity', unit_price: 'UnitPrice' }, dateFormat: 'iso', rules: { excludeOrderPattern: '^C', excludeNegative: true, dedupe: true } };
  it('is written in role order with the flags of the rules in force', () => {
    expect(importCommandLine('online_retail.csv', spec)).toBe(
      "npm run pipeline -- --import online_retail.csv --role transactions --map customer_id=CustomerID,occurred_at=InvoiceDate,order_id=InvoiceNo,quantity=Quantity,unit_price=UnitPrice --exclude-orders '^C' --exclude-negative --dedupe --format csv --out out",
    );
    expect(importCommandLine('my file.csv', { ...spec, dateFormat: '%d/%m/%Y', rules: NO_RULES }, { delimiter: ';' })).toContain("--import 'my file.csv' --role transactions");
    expect(importCommandLine('x.csv', { ...spec, dateFormat: '%d/%m/%Y', rules: NO_RULES }, { delimiter: '\t' })).toContain('--date-format %d/%m/%Y --delimiter tab');
  });
  it('parses back, column names with commas and equals signs included', () => {
    const mapping = { customer_id: 'id, main', occurred_at: 'a=b', amount: 'Amount' };
    expect(parseMapping('transactions', formatMapping('transactions', mapping))).toEqual(mapping);
    expect(() => parseMapping('customers', 'customer_id=a,amount=b')).toThrow('amount is not a role of a customers table');
    expect(() => parseMapping('customers', 'customer_id=a,customer_id=b')).toThrow('customer_id is mapped twice');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe('cleaning rules', () => {
  it('always set aside rows without an id; the others only when chosen, and every result says which applied', () => {
    const spec = { kind: 'transactions' as const, mapping: { customer_id: 'c', occurred_at: 'd' }, dateFormat: 'iso', rules: NO_RULES };
    expect(activeReasons(spec)).toEqual(['no_id', 'no_date']);
    expect(describeRules(spec)).toContain('Duplicate rows are kept.');
    // A cancellation pattern without an order_id column cannot apply, and says so.
    const pattern = { ...spec, rules: { ...NO_RULES, excludeOrderPattern: '^C' } };
    expect(activeReasons(pattern)).toEqual(['no_id', 'no_date']);
    expect(describeRules(pattern)).toContain('No order_id is mapped, so no cancellation pattern is applied.');
    expect(activeReasons({ ...spec, mapping: { ...spec.mapping, order_id: 'o' }, rules: { excludeOrderPattern: '^C', excludeNegative: true, dedupe: true } })).toEqual([
      'no_id',
      'no_date',
      'order_pattern',
      'negative',
      'duplicate',
    ]);
  });
});
