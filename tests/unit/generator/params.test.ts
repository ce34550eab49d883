import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/generator/dataset';
import { checkedParams, InvalidParamsError, PRESETS, resolveParams, validateParams } from '../../../src/generator/params';

describe('generator parameters', () => {
  it('fills sizes from the preset and keeps explicit overrides', () => {
    expect(resolveParams({ preset: 'tiny' }).accounts).toBe(PRESETS.tiny.accounts);
    expect(resolveParams({ preset: 'tiny', accounts: 50 }).accounts).toBe(50);
    expect(resolveParams().preset).toBe('demo');
  });

  it('names every invalid field', () => {
    const errors = validateParams(resolveParams({ seed: -1, accounts: 0, windowStart: '2024-02-30', asOf: 'yesterday' }));
    expect(errors.map((e) => e.field).sort()).toEqual(['accounts', 'asOf', 'seed', 'windowStart']);
  });

  it('rejects a window that ends before it starts and an as-of date before the window', () => {
    const errors = validateParams(resolveParams({ windowStart: '2025-01-01', windowEnd: '2024-01-01', asOf: '2023-06-01' }));
    expect(errors.map((e) => e.field)).toEqual(['windowEnd', 'asOf']);
  });

  it('generates nothing from invalid parameters', () => {
    expect(() => checkedParams({ accounts: -5 })).toThrow(InvalidParamsError);
    const chunks = generateDataset({ accounts: -5 });
    expect(() => chunks.next()).toThrow(/accounts/);
  });
});
