import { describe, expect, it } from 'vitest';
import { type BundleFeatures, COI_PTHREAD_POOL, isBundleChoice, resolveBundle, threadCount, threadsUnavailable } from '../../../src/engine/bundleChoice';

const modern: BundleFeatures = { wasmExceptions: true, wasmThreads: true, wasmSIMD: true, crossOriginIsolated: true };
const notIsolated: BundleFeatures = { ...modern, crossOriginIsolated: false };
const old: BundleFeatures = { wasmExceptions: false, wasmThreads: false, wasmSIMD: false, crossOriginIsolated: false };

describe('resolveBundle', () => {
  it('auto picks eh with wasm exceptions and mvp without, and never the threaded build', () => {
    expect(resolveBundle('auto', modern)).toEqual({ name: 'eh', notice: null });
    expect(resolveBundle('auto', old)).toEqual({ name: 'mvp', notice: null });
  });

  it('forced single-threaded builds are taken as asked', () => {
    expect(resolveBundle('mvp', modern)).toEqual({ name: 'mvp', notice: null });
    expect(resolveBundle('eh', notIsolated)).toEqual({ name: 'eh', notice: null });
  });

  it('coi runs where the page is isolated and the browser has threads, exceptions and SIMD', () => {
    expect(resolveBundle('coi', modern)).toEqual({ name: 'coi', notice: null });
  });

  it('coi without isolation falls back to what auto picks, with a notice naming the reason', () => {
    const resolved = resolveBundle('coi', notIsolated);
    expect(resolved.name).toBe('eh');
    expect(resolved.notice).toBe(
      'The threaded DuckDB build (coi) was asked for, but the page is not cross-origin isolated (the host sends no COOP/COEP headers); using the single-threaded eh build instead.',
    );
    const inOld = resolveBundle('coi', old);
    expect(inOld.name).toBe('mvp');
    expect(inOld.notice).toContain('using the single-threaded mvp build instead');
  });

  it('names the missing feature when isolated but the browser lacks it', () => {
    expect(threadsUnavailable({ ...modern, wasmThreads: false })).toBe('this browser has no WebAssembly threads');
    expect(threadsUnavailable({ ...modern, wasmSIMD: false })).toBe('this browser lacks WebAssembly exceptions or SIMD');
    expect(resolveBundle('coi', { ...modern, wasmThreads: false }).name).toBe('eh');
    expect(threadsUnavailable(modern)).toBeNull();
  });
});

describe('threadCount', () => {
  it('keeps the single-threaded builds at 1', () => {
    expect(threadCount('eh', 16, 1)).toBe(1);
    expect(threadCount('mvp', 16, 1)).toBe(1);
  });

  it('raises coi to one thread per core, up to the pthread pool', () => {
    expect(threadCount('coi', 5, 4)).toBe(5);
    expect(threadCount('coi', 64, 4)).toBe(COI_PTHREAD_POOL);
  });

  it('never lowers what DuckDB chose (lowering hangs the coi worker), whatever the browser reports', () => {
    expect(threadCount('coi', 2, 4)).toBe(4);
    expect(threadCount('coi', undefined, 4)).toBe(4);
    expect(threadCount('coi', 0, 4)).toBe(4);
    expect(threadCount('coi', 2.5, 4)).toBe(4);
  });
});

describe('isBundleChoice', () => {
  it('accepts the four choices and nothing else', () => {
    for (const choice of ['auto', 'eh', 'mvp', 'coi']) expect(isBundleChoice(choice)).toBe(true);
    for (const other of ['', 'COI', 'threads', 'auto ']) expect(isBundleChoice(other)).toBe(false);
  });
});
