import { describe, expect, it } from 'vitest';
import { generateDataset, type TableChunk } from '../../../src/generator/dataset';
import { HEAD_GROUP, shareOfGroup } from '../../../src/generator/groups';
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
    expect(Object.keys(first).sort()).toEqual([...RAW_TABLES].sort());
    expect(second).toEqual(first);
  });

  it('gives different data for a different seed', () => {
    const a = tableHashes(7);
    const b = tableHashes(8);
    // The price book (plans, discounts) is the same for every seed; everything else differs.
    for (const table of RAW_TABLES.filter((t) => t !== 'plans' && t !== 'discounts')) expect(b[table], table).not.toEqual(a[table]);
  });

  it('gives the same chunks, in the same order, when two or three generators share the work', () => {
    // Three groups of accounts: a short window and one user per account keep it small.
    const params = { accounts: 6000, usersPerAccount: 1, windowStart: '2024-01-01', windowEnd: '2024-02-29', asOf: '2024-02-29', seed: 5 };
    const fingerprint = (chunks: Iterable<TableChunk>) => [...chunks].map((c) => `${c.table}:${c.group}:${c.rows}:${sha256(c.ipc)}`);
    const whole = fingerprint(generateDataset(params));
    expect(new Set(whole.map((c) => c.split(':')[1])).size).toBe(4); // the head and groups 0, 1, 2
    for (const count of [2, 3]) {
      // Merged as the page does: a group at a time, from the generator that owns it.
      const shares = Array.from({ length: count }, (_, index) => [...generateDataset(params, { index, count })]);
      const merged: TableChunk[] = [];
      for (let group = HEAD_GROUP; merged.length < shares.flat().length; group++) {
        merged.push(...shares[shareOfGroup(group, count)]!.filter((c) => c.group === group));
      }
      expect(fingerprint(merged), `${count} generators`).toEqual(whole);
      // Only the first generator makes the head tables; each group ends with a marked chunk.
      expect(shares.slice(1).flat().some((c) => c.group === HEAD_GROUP)).toBe(false);
      for (const share of shares) expect(share.at(-1)!.lastOfGroup).toBe(true);
    }
  });

  it('hands out IPC buffers that own their whole ArrayBuffer, so transfer moves exactly the chunk', () => {
    for (const chunk of generateDataset({ preset: 'tiny', seed: 1 })) {
      expect(chunk.ipc.byteOffset).toBe(0);
      expect(chunk.ipc.byteLength).toBe(chunk.ipc.buffer.byteLength);
    }
  });
});
