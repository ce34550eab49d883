import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/generator/dataset';
import { sha256 } from '../../helpers/nodeDb';

function tableHashes(seed: number): Record<string, string> {
  const parts = new Map<string, string[]>();
  for (const chunk of generateDataset({ preset: 'tiny', seed })) {
    parts.set(chunk.table, [...(parts.get(chunk.table) ?? []), sha256(chunk.ipc)]);
  }
  return Object.fromEntries([...parts].map(([table, hashes]) => [table, hashes.join(',')]));
}

describe('generator determinism', () => {
  it('gives byte-identical Arrow IPC for the same seed and parameters', () => {
    const first = tableHashes(7);
    const second = tableHashes(7);
    expect(Object.keys(first)).toEqual(['customers', 'users', 'events']);
    expect(second).toEqual(first);
  });

  it('gives different data for a different seed', () => {
    const a = tableHashes(7);
    const b = tableHashes(8);
    for (const table of Object.keys(a)) expect(b[table]).not.toEqual(a[table]);
  });

  it('hands out IPC buffers that own their whole ArrayBuffer, so transfer moves exactly the chunk', () => {
    for (const chunk of generateDataset({ preset: 'tiny', seed: 1 })) {
      expect(chunk.ipc.byteOffset).toBe(0);
      expect(chunk.ipc.byteLength).toBe(chunk.ipc.buffer.byteLength);
    }
  });
});
