import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/generator/dataset';
import { type ChunkMessage, GenerationCancelledError, generateInWorker, generatorCount, type GeneratorWorker } from '../../../src/generator/generatorClient';
import { GeneratorService } from '../../../src/generator/generatorService';
import type { GeneratorRequest } from '../../../src/generator/protocol';
import { sha256 } from '../../helpers/nodeDb';

/** A generator worker run in-process: the real service, messages delivered asynchronously. */
class InProcessWorker extends EventTarget implements GeneratorWorker {
  static spawned: InProcessWorker[] = [];
  terminated = false;
  private readonly service = new GeneratorService((response) => {
    setTimeout(() => !this.terminated && this.dispatchEvent(new MessageEvent('message', { data: response })), 0);
  });
  constructor() {
    super();
    InProcessWorker.spawned.push(this);
  }
  postMessage(request: GeneratorRequest): void {
    setTimeout(() => !this.terminated && this.service.handle(request), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

// Three groups of accounts, small: a short window and one user per account.
const params = { accounts: 6000, usersPerAccount: 1, windowStart: '2024-01-01', windowEnd: '2024-02-29', asOf: '2024-02-29', seed: 5 };
const fingerprint = (c: { table: string; ipc: Uint8Array }) => `${c.table}:${sha256(c.ipc)}`;

async function generated(workers: number, onChunk: (c: ChunkMessage) => Promise<void> = async () => undefined) {
  InProcessWorker.spawned = [];
  const chunks: string[] = [];
  const result = await generateInWorker(params, {
    workers,
    spawn: () => new InProcessWorker(),
    onChunk: async (c) => {
      chunks.push(fingerprint(c));
      await onChunk(c);
    },
  });
  return { chunks, result };
}

describe('generating with several workers', () => {
  const whole = [...generateDataset(params)];

  it('feeds the page the chunks of one generator, in its order, whatever the number of workers', async () => {
    for (const workers of [1, 2, 3]) {
      const { chunks, result } = await generated(workers);
      expect(chunks, `${workers} workers`).toEqual(whole.map(fingerprint));
      expect(InProcessWorker.spawned).toHaveLength(workers);
      expect(InProcessWorker.spawned.every((w) => w.terminated)).toBe(true);
      const events = whole.filter((c) => c.table === 'events').reduce((n, c) => n + c.rows, 0);
      expect(result.rows.events).toBe(events);
    }
  });

  it('keeps the order when the page is slow and workers run ahead, within their credit', async () => {
    const { chunks } = await generated(3, () => new Promise((resolve) => setTimeout(resolve, 2)));
    expect(chunks).toEqual(whole.map(fingerprint));
  });

  it('starts no more workers than there are groups of accounts', async () => {
    InProcessWorker.spawned = [];
    await generateInWorker({ preset: 'tiny', seed: 1 }, { workers: 4, spawn: () => new InProcessWorker(), onChunk: async () => undefined });
    expect(InProcessWorker.spawned).toHaveLength(1);
  });

  it('stops every worker on cancel and rejects as cancelled', async () => {
    InProcessWorker.spawned = [];
    const abort = new AbortController();
    let seen = 0;
    const run = generateInWorker(params, {
      workers: 3,
      spawn: () => new InProcessWorker(),
      signal: abort.signal,
      onChunk: async () => {
        if (++seen === 3) abort.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(GenerationCancelledError);
    expect(seen).toBe(3);
    expect(InProcessWorker.spawned.every((w) => w.terminated)).toBe(true);
  });

  it('reports invalid parameters by field, from the worker', async () => {
    await expect(generateInWorker({ accounts: -5 }, { workers: 2, spawn: () => new InProcessWorker(), onChunk: async () => undefined })).rejects.toThrow(/accounts/);
  });

  it('runs one generator per core, at most four', () => {
    expect([1, 2, 3, 8, 64, 0].map((cores) => generatorCount(cores))).toEqual([1, 2, 3, 4, 4, 1]);
  });
});
