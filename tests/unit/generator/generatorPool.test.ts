import { afterEach, describe, expect, it } from 'vitest';
import { setStallLimit, WorkerFaultError } from '../../../src/engine/workerFaults';
import { generateDataset } from '../../../src/generator/dataset';
import { type ChunkMessage, GenerationCancelledError, generatorCount, GeneratorPool, type GeneratorWorker } from '../../../src/generator/generatorPool';
import { GeneratorService } from '../../../src/generator/generatorService';
import { HEAD_GROUP } from '../../../src/generator/groups';
import type { GeneratorRequest, GeneratorResponse } from '../../../src/generator/protocol';
import { sha256 } from '../../helpers/nodeDb';

/**
 * A generator worker run in-process: the real service, messages delivered asynchronously.
 * `delayMs` holds back each response that long (a slow worker); `mute` stops all responses
 * (a hung worker).
 */
class InProcessWorker extends EventTarget implements GeneratorWorker {
  terminated = false;
  mute = false;
  /** Units handed to this worker, over all runs. */
  readonly units: number[] = [];
  private readonly service = new GeneratorService((response) => {
    setTimeout(() => this.deliver(response), this.delayMs);
  });
  constructor(private readonly delayMs = 0) {
    super();
  }
  postMessage(request: GeneratorRequest): void {
    if (request.type === 'unit') this.units.push(request.group);
    setTimeout(() => !this.terminated && this.service.handle(request), 0);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** What a crash looks like from the page: terminated, then an 'error' event. */
  crash(): void {
    this.terminate();
    const event = new Event('error');
    Object.defineProperty(event, 'message', { value: 'out of memory' });
    this.dispatchEvent(event);
  }
  private deliver(response: GeneratorResponse): void {
    if (!this.terminated && !this.mute) this.dispatchEvent(new MessageEvent('message', { data: response }));
  }
}

/** A pool of in-process workers; `delays[i]` slows the i-th worker spawned. */
function standInPool(size: number, delays: number[] = []) {
  const spawned: InProcessWorker[] = [];
  const pool = new GeneratorPool({
    size,
    spawn: () => {
      const worker = new InProcessWorker(delays[spawned.length] ?? 0);
      spawned.push(worker);
      return worker;
    },
  });
  return { pool, spawned };
}

const window2024 = { usersPerAccount: 1, windowStart: '2024-01-01', windowEnd: '2024-02-29', asOf: '2024-02-29' };
// Three groups of accounts (four units with the head), small: a short window and one user per account.
const params = { accounts: 6000, ...window2024, seed: 5 };
const fingerprint = (c: { table: string; group: number; ipc: Uint8Array }) => `${c.table}:${c.group}:${sha256(c.ipc)}`;
const whole = [...generateDataset(params)].map(fingerprint);

async function chunksOf(pool: GeneratorPool, p: typeof params, options: { workers?: number; maxInFlight?: number; onChunk?: (c: ChunkMessage) => Promise<void>; signal?: AbortSignal } = {}) {
  const chunks: string[] = [];
  const result = await pool.generate(p, {
    ...options,
    onChunk: async (c) => {
      chunks.push(fingerprint(c));
      await options.onChunk?.(c);
    },
  });
  return { chunks, result };
}

afterEach(() => setStallLimit(null));

describe('the generator pool', () => {
  it('feeds the page the chunks of one generator, in its order, whatever the number of workers', async () => {
    for (const workers of [1, 2, 3]) {
      const { pool, spawned } = standInPool(workers);
      const { chunks, result } = await chunksOf(pool, params);
      expect(chunks, `${workers} workers`).toEqual(whole);
      expect(result.workers).toBe(workers);
      expect(spawned).toHaveLength(workers);
      // Every unit was made exactly once, by some worker.
      expect(spawned.flatMap((w) => w.units).sort((a, b) => a - b)).toEqual([HEAD_GROUP, 0, 1, 2]);
      // Kept warm: nobody terminated, all idle.
      expect(spawned.some((w) => w.terminated)).toBe(false);
      expect(pool.idleWorkers).toBe(workers);
      const events = [...generateDataset(params)].filter((c) => c.table === 'events').reduce((n, c) => n + c.rows, 0);
      expect(result.rows.events).toBe(events);
      pool.dispose();
      expect(spawned.every((w) => w.terminated)).toBe(true);
    }
  });

  it('keeps the order when the page is slow and workers run ahead, within their credit', async () => {
    const { pool } = standInPool(3);
    const { chunks } = await chunksOf(pool, params, { onChunk: () => new Promise((resolve) => setTimeout(resolve, 2)) });
    expect(chunks).toEqual(whole);
    // One chunk of credit each: the workers running ahead wait, the one the page needs never does.
    expect((await chunksOf(pool, params, { maxInFlight: 1 })).chunks).toEqual(whole);
    pool.dispose();
  });

  it('gives a slow worker fewer units, and the page still sees one generator\'s sequence', async () => {
    // Eight groups: nine units for two workers, the second answering 40 ms late every time.
    const many = { accounts: 20_000, ...window2024, seed: 9 };
    const { pool, spawned } = standInPool(2, [0, 40]);
    const { chunks } = await chunksOf(pool, many);
    expect(chunks).toEqual([...generateDataset(many)].map(fingerprint));
    const [fast, slow] = spawned.map((w) => w.units);
    expect(fast!.length + slow!.length).toBe(9);
    expect(slow!.length).toBeLessThan(fast!.length);
    // Each worker's units come in increasing order (what rules out a deadlock under credit).
    for (const units of [fast!, slow!]) expect(units).toEqual([...units].sort((a, b) => a - b));
    pool.dispose();
  });

  it('reuses its warm workers for the next run', async () => {
    const { pool, spawned } = standInPool(2);
    expect((await chunksOf(pool, params)).chunks).toEqual(whole);
    const other = { ...params, seed: 6 };
    expect((await chunksOf(pool, other)).chunks).toEqual([...generateDataset(other)].map(fingerprint));
    expect(spawned).toHaveLength(2);
    expect(spawned.some((w) => w.terminated)).toBe(false);
    pool.dispose();
  });

  it('starts no more workers than the run has units', async () => {
    const { pool, spawned } = standInPool(4);
    // The tiny preset has one group of accounts: the head and one group.
    const { result } = await chunksOf(pool, { ...params, accounts: 300 });
    expect(result.workers).toBe(2);
    expect(spawned).toHaveLength(2);
    pool.dispose();
  });

  it('terminates the workers on cancel and rejects as cancelled; the next run spawns fresh ones', async () => {
    const { pool, spawned } = standInPool(3);
    const abort = new AbortController();
    let seen = 0;
    const run = chunksOf(pool, params, {
      signal: abort.signal,
      onChunk: async () => {
        if (++seen === 3) abort.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(GenerationCancelledError);
    expect(seen).toBe(3);
    expect(spawned.every((w) => w.terminated)).toBe(true);
    expect(pool.workers).toBe(0);
    expect((await chunksOf(pool, params)).chunks).toEqual(whole);
    expect(spawned).toHaveLength(6);
    pool.dispose();
  });

  it('cancels the run in progress when a new one starts', async () => {
    const { pool } = standInPool(2);
    const first = chunksOf(pool, params);
    const second = chunksOf(pool, params);
    await expect(first).rejects.toBeInstanceOf(GenerationCancelledError);
    expect((await second).chunks).toEqual(whole);
    pool.dispose();
  });

  it('fails the run at once when a worker crashes mid-run; the next run works', async () => {
    const { pool, spawned } = standInPool(2);
    let seen = 0;
    const run = chunksOf(pool, params, {
      onChunk: async () => {
        if (++seen === 2) spawned[1]!.crash();
      },
    });
    await expect(run).rejects.toThrow(new WorkerFaultError('generator', 'crashed', 'out of memory').message);
    expect(seen).toBe(2);
    // The run's workers went with it (the survivor's state is unknown).
    expect(spawned.every((w) => w.terminated)).toBe(true);
    expect(pool.workers).toBe(0);
    expect((await chunksOf(pool, params)).chunks).toEqual(whole);
    expect(spawned).toHaveLength(4);
    pool.dispose();
  });

  it('forgets an idle worker that crashes, and replaces it in the next run', async () => {
    const { pool, spawned } = standInPool(2);
    await chunksOf(pool, params);
    spawned[0]!.crash();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pool.workers).toBe(1);
    expect((await chunksOf(pool, params)).chunks).toEqual(whole);
    expect(spawned).toHaveLength(3);
    pool.dispose();
  });

  it('never times idle workers, but gives up on a worker that stops answering mid-run', async () => {
    const { pool, spawned } = standInPool(2);
    await chunksOf(pool, params);
    setStallLimit(40);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pool.workers).toBe(2);
    expect(spawned.some((w) => w.terminated)).toBe(false);
    // The second run: the second worker falls silent while it owes chunks.
    spawned[1]!.mute = true;
    await expect(chunksOf(pool, params)).rejects.toThrow(/The generator worker stopped responding/);
    expect(pool.workers).toBe(0);
    pool.dispose();
  });

  it('prestarts the workers a run will use, which the run then takes', async () => {
    const { pool, spawned } = standInPool(4);
    pool.prestart({ accounts: -5 });
    expect(spawned).toHaveLength(0); // invalid: nothing started, generate() reports it
    pool.prestart(params);
    expect(spawned).toHaveLength(4); // four units: the head and three groups
    pool.prestart({ ...params, accounts: 300 });
    expect(spawned).toHaveLength(4);
    expect((await chunksOf(pool, params)).chunks).toEqual(whole);
    expect(spawned).toHaveLength(4);
    expect(spawned.every((w) => w.units.length > 0)).toBe(true);
    pool.dispose();
  });

  it('reports invalid parameters by field, before starting any worker', async () => {
    const { pool, spawned } = standInPool(2);
    await expect(pool.generate({ accounts: -5 }, { onChunk: async () => undefined })).rejects.toThrow(/accounts/);
    expect(spawned).toHaveLength(0);
  });

  it('runs one generator per core, at most four', () => {
    expect([1, 2, 3, 8, 64, 0].map((cores) => generatorCount(cores))).toEqual([1, 2, 3, 4, 4, 1]);
  });
});
