import { WorkerWatch } from '../engine/workerFaults';
import { CHUNKS_PER_GROUP, groupCount, HEAD_GROUP, shareOfGroup } from './groups';
import { checkedParams, type GeneratorParams } from './params';
import type { GeneratorRequest, GeneratorResponse } from './protocol';
import type { RawTableName } from './rawTables';

export type ChunkMessage = Extract<GeneratorResponse, { type: 'chunk' }>;
type Rows = Record<RawTableName, number>;

/** What the client needs of a worker; a real Worker, or an in-process stand-in in tests. */
export type GeneratorWorker = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener' | 'removeEventListener'>;

export interface GenerateOptions {
  /** Receives each chunk, in the order one generator would make them; the next follows once the returned promise settles. */
  onChunk: (chunk: ChunkMessage) => Promise<void>;
  signal?: AbortSignal;
  /** Chunks a worker may make ahead of the page. */
  maxInFlight?: number;
  /** Generators side by side (default: generatorCount()). Any number gives the same data. */
  workers?: number;
  /** Starts one generator worker (tests pass in-process stand-ins). */
  spawn?: () => GeneratorWorker;
}

export interface GenerationResult {
  rows: Rows;
  /** The slowest worker's time from its start to its last chunk acknowledged. */
  elapsedMs: number;
  /** Generators that shared the run. */
  workers: number;
}

export class GenerationCancelledError extends Error {
  override name = 'GenerationCancelledError';
  constructor() {
    super('Generation was cancelled');
  }
}

/**
 * Longest silence of a generator while it holds credit for another chunk. Chunks take
 * seconds at most, so only a hung or dead worker stays silent this long.
 */
export const GENERATOR_STALL_MS = 120_000;

/**
 * Generators to run side by side: one per core, at most four. The database loads chunks on
 * another thread meanwhile, but it waits on the generators most of the time.
 */
export function generatorCount(cores: number = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return Math.max(1, Math.min(4, Math.floor(cores) || 1));
}

const spawnWorker = (): GeneratorWorker => new Worker(new URL('./generator.worker.ts', import.meta.url), { type: 'module', name: 'growthbench-generator' });

/** One worker of the run and the chunks it sent that the page has not consumed yet. */
interface Share {
  worker: GeneratorWorker;
  watch: WorkerWatch;
  queue: ChunkMessage[];
  /** Sent and not yet acknowledged. */
  unacked: number;
  done: { rows: Rows; elapsedMs: number } | null;
  /** Releases the watch's expectation of a message while the worker owes a chunk. */
  owed: (() => void) | null;
}

/**
 * Runs one generation in fresh generator workers that share the groups of accounts, and
 * feeds their chunks to `onChunk` group by group, which is exactly the sequence of one
 * generator. The workers are terminated at the end so their memory is returned.
 */
export function generateInWorker(params: Partial<GeneratorParams>, options: GenerateOptions): Promise<GenerationResult> {
  const requestId = 1;
  // Credit for a whole group: a worker makes its next group while the page still loads the
  // others' groups, and never holds more than one group of chunks (~25 MB) waiting.
  const maxInFlight = options.maxInFlight ?? CHUNKS_PER_GROUP;
  let groups = 1;
  try {
    groups = groupCount(checkedParams(params).accounts);
  } catch {
    // Invalid parameters: one worker reports them, naming the fields.
  }
  const count = Math.max(1, Math.min(options.workers ?? generatorCount(), groups));
  const shares: Share[] = Array.from({ length: count }, () => {
    const worker = (options.spawn ?? spawnWorker)();
    // Crash, unreadable message or silence: the watch rejects `died` and the run fails at once.
    return { worker, watch: new WorkerWatch('generator', worker, { stallMs: GENERATOR_STALL_MS }), queue: [], unacked: 0, done: null, owed: null };
  });
  const send = (share: Share, request: GeneratorRequest) => share.worker.postMessage(request);

  return new Promise<GenerationResult>((resolve, reject) => {
    let settled = false;
    let group = HEAD_GROUP;
    let consuming = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const share of shares) {
        share.owed?.();
        share.watch.dispose();
        share.worker.terminate();
      }
      action();
    };
    // A worker owes a chunk while it has credit left and has not finished.
    const updateOwed = (share: Share) => {
      const owes = !settled && share.done === null && share.unacked < maxInFlight;
      if (owes && !share.owed) share.owed = share.watch.expect();
      if (!owes && share.owed) {
        share.owed();
        share.owed = null;
      }
    };
    const pump = () => {
      if (consuming || settled) return;
      const share = shares[shareOfGroup(group, count)]!;
      const chunk = share.queue.shift();
      if (!chunk) {
        if (shares.every((s) => s.done && s.queue.length === 0)) {
          const rows = {} as Rows;
          for (const s of shares) for (const [table, n] of Object.entries(s.done!.rows)) rows[table as RawTableName] = (rows[table as RawTableName] ?? 0) + n;
          finish(() => resolve({ rows, elapsedMs: Math.max(...shares.map((s) => s.done!.elapsedMs)), workers: count }));
        }
        return;
      }
      consuming = true;
      options.onChunk(chunk).then(
        () => {
          if (settled) return;
          send(share, { type: 'ack', requestId });
          share.unacked--;
          updateOwed(share);
          if (chunk.lastOfGroup) group++;
          consuming = false;
          pump();
        },
        (error: unknown) => finish(() => reject(error)),
      );
    };
    const onAbort = () => {
      for (const share of shares) send(share, { type: 'cancel', requestId });
      finish(() => reject(new GenerationCancelledError()));
    };
    options.signal?.addEventListener('abort', onAbort);
    shares.forEach((share, index) => {
      share.watch.died.catch((error: unknown) => finish(() => reject(error)));
      share.worker.addEventListener('message', (event: Event) => {
        const message = (event as MessageEvent<GeneratorResponse>).data;
        if (settled || message.requestId !== requestId) return;
        switch (message.type) {
          case 'chunk':
            share.queue.push(message);
            share.unacked++;
            updateOwed(share);
            pump();
            return;
          case 'done':
            share.done = { rows: message.rows, elapsedMs: message.elapsedMs };
            updateOwed(share);
            pump();
            return;
          case 'cancelled':
            finish(() => reject(new GenerationCancelledError()));
            return;
          case 'error': {
            const error = new Error(message.error.message);
            error.name = message.error.name;
            finish(() => reject(error));
            return;
          }
        }
      });
      updateOwed(share);
      if (!options.signal?.aborted) send(share, { type: 'generate', requestId, params, share: { index, count }, maxInFlight });
    });
    if (options.signal?.aborted) onAbort();
  });
}
