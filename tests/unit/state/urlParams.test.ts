import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/generator/params';
import { readUrlSettings } from '../../../src/state/urlParams';

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

  it('rejects a seed beyond 32 bits', () => {
    const s = readUrlSettings('?seed=99999999999');
    expect(s.params.seed).toBe(DEFAULT_PARAMS.seed);
    expect(s.notice).toMatch(/seed/);
  });
});
