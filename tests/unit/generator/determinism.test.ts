import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/generator/dataset';
import { RAW_TABLES } from '../../../src/generator/rawTables';
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
    expect(Object.keys(first)).toEqual([...RAW_TABLES]);
    expect(second).toEqual(first);
  });

  it('gives different data for a different seed', () => {
    const a = tableHashes(7);
    const b = tableHashes(8);
    // The price book (plans, discounts) is the same for every seed; everything else differs.
    for (const table of RAW_TABLES.filter((t) => t !== 'plans' && t !== 'discounts')) expect(b[table], table).not.toEqual(a[table]);
  });

  it('hands out IPC buffers that own their whole ArrayBuffer, so transfer moves exactly the chunk', () => {
    for (const chunk of generateDataset({ preset: 'tiny', seed: 1 })) {
      expect(chunk.ipc.byteOffset).toBe(0);
      expect(chunk.ipc.byteLength).toBe(chunk.ipc.buffer.byteLength);
    }
  });
});
