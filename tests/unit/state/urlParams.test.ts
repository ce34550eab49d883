import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/generator/params';
import { readUrlSettings, writeUrlSettings } from '../../../src/state/urlParams';

describe('settings from the URL', () => {
  it('reads seed, preset and bundle', () => {
    const s = readUrlSettings('?seed=7&preset=tiny&bundle=mvp');
    expect(s.params).toMatchObject({ seed: 7, preset: 'tiny', accounts: 300 });
    expect(s.bundle).toBe('mvp');
    expect(s.notice).toBeNull();
  });

  it('falls back to the defaults with a notice on a malformed link', () => {
    const s = readUrlSettings('?seed=abc&preset=huge&bundle=zzz');
    expect(s.params).toEqual(DEFAULT_PARAMS);
    expect(s.bundle).toBe('auto');
    expect(s.notice).toMatch(/seed "abc".*preset "huge"|preset "huge".*seed "abc"/);
    expect(s.notice).toMatch(/bundle "zzz"/);
  });

  it('refuses a size the browser cannot hold, keeping the preset and saying why', () => {
    const s = readUrlSettings('?preset=large&accounts=400000&seed=5');
    expect(s.params).toMatchObject({ seed: 5, preset: 'large', accounts: 50_000 });
    expect(s.notice).toMatch(/Too large for the browser/);
  });

  it('rejects a seed beyond 32 bits', () => {
    const s = readUrlSettings('?seed=99999999999');
    expect(s.params.seed).toBe(DEFAULT_PARAMS.seed);
    expect(s.notice).toMatch(/seed/);
  });
});

describe('settings in the URL round-trip', () => {
  it('writes only what differs from the defaults and reads it back', () => {
    const params = { ...DEFAULT_PARAMS, seed: 9, preset: 'tiny' as const, accounts: 300, usersPerAccount: 3, dirtRate: 0, asOf: '2025-06-30' };
    const search = writeUrlSettings(params, 'mvp');
    expect(search).toBe('?seed=9&preset=tiny&asOf=2025-06-30&dirtRate=0&bundle=mvp');
    const back = readUrlSettings(search);
    expect(back.params).toEqual(params);
    expect(back.bundle).toBe('mvp');
    expect(back.notice).toBeNull();
    expect(writeUrlSettings(DEFAULT_PARAMS, 'auto')).toBe('');
  });

  it('keeps the valid settings of a link and drops the invalid ones by name', () => {
    const s = readUrlSettings('?seed=5&dirtRate=7&windowEnd=2023-01-01&trialConversion=abc');
    expect(s.params.seed).toBe(5);
    expect(s.params.dirtRate).toBe(DEFAULT_PARAMS.dirtRate);
    expect(s.params.windowEnd).toBe(DEFAULT_PARAMS.windowEnd);
    expect(s.notice).toMatch(/dirtRate/);
    expect(s.notice).toMatch(/windowEnd/);
    expect(s.notice).toMatch(/trialConversion "abc"/);
  });
});
