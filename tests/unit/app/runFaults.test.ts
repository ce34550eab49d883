import { describe, expect, it } from 'vitest';
import { classifyFault, describeSize, smallerParams } from '../../../src/app/runFaults';
import { DatabaseError } from '../../../src/engine/connector';
import { WorkerFaultError } from '../../../src/engine/workerFaults';
import { resolveParams } from '../../../src/generator/params';
import { ModelFailedError } from '../../../src/pipeline/runner';

describe('classifyFault', () => {
  it('recognises DuckDB running out of memory and a browser that cannot grow the heap', () => {
    expect(classifyFault(new DatabaseError('Out of Memory Error: failed to allocate data of size 256.0 MiB (3.9 GiB/3.9 GiB used)', 'SELECT 1'))).toBe('memory');
    expect(classifyFault(new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded'))).toBe('memory');
    expect(classifyFault(new RangeError('Array buffer allocation failed'))).toBe('memory');
  });

  it('names worker crashes and stalls, and leaves other errors alone', () => {
    expect(classifyFault(new WorkerFaultError('generator', 'crashed', 'x'))).toBe('crash');
    expect(classifyFault(new WorkerFaultError('database', 'stalled', 'x'))).toBe('stall');
    // As the pipeline reports it: wrapped in the failed model's error.
    const crash = new WorkerFaultError('database', 'crashed', 'x').message;
    expect(classifyFault(new ModelFailedError('stg_events', 'sql/bronze/stg_events.sql', crash))).toBe('crash');
    expect(classifyFault(new DatabaseError('Parser Error: syntax error at or near "FORM"', 'SELECT 1 FORM t'))).toBeNull();
    expect(classifyFault('Catalog Error: Table with name x does not exist')).toBeNull();
  });
});

describe('smallerParams', () => {
  it('steps a preset down to the next smaller preset, keeping the other settings', () => {
    const large = resolveParams({ preset: 'large', seed: 7, baseChurn: 0.05 });
    const demo = smallerParams(large)!;
    expect([demo.preset, demo.accounts, demo.usersPerAccount, demo.seed, demo.baseChurn]).toEqual(['demo', 10_000, 3, 7, 0.05]);
    const tiny = smallerParams(demo)!;
    expect([tiny.preset, tiny.accounts]).toEqual(['tiny', 300]);
  });

  it('halves a custom size (and the tiny preset), down to one account', () => {
    expect(smallerParams(resolveParams({ preset: 'demo', accounts: 25_001 }))!.accounts).toBe(12_500);
    expect(smallerParams(resolveParams({ preset: 'tiny' }))!.accounts).toBe(150);
    expect(smallerParams(resolveParams({ preset: 'tiny', accounts: 3 }))!.accounts).toBe(1);
    expect(smallerParams(resolveParams({ preset: 'tiny', accounts: 1 }))).toBeNull();
  });

  it('describes a size for the button', () => {
    expect(describeSize(resolveParams({ preset: 'demo' }))).toBe('10,000 accounts (demo)');
    expect(describeSize(resolveParams({ preset: 'demo', accounts: 12_500 }))).toBe('12,500 accounts');
  });
});
