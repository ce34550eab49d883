import { WorkerWatch } from '../engine/workerFaults';
import type { GeneratorParams } from './params';
import type { GeneratorRequest, GeneratorResponse } from './protocol';
import type { RawTableName } from './rawTables';

export interface ChunkMessage {
  table: RawTableName;
  ipc: Uint8Array;
  rows: number;
  progress: number;
  elapsedMs: number;
}

export interface GenerateOptions {
  /** Receives each chunk; the next one is requested once the returned promise settles. */
  onChunk: (chunk: ChunkMessage) => Promise<void>;
  signal?: AbortSignal;
  maxInFlight?: number;
}

export class GenerationCancelledError extends Error {
  override name = 'GenerationCancelledError';
  constructor() {
    super('Generation was cancelled');
  }
}

/**
 * Longest silence of the generator while it holds credit for another chunk. Chunks take
 * seconds at most, so only a hung or dead worker stays silent this long.
 */
export const GENERATOR_STALL_MS = 120_000;

/**
 * Runs one generation in a fresh generator worker and feeds its chunks, in order, to
 * `onChunk`. The worker is terminated at the end so its memory is returned.
 */
export function generateInWorker(params: Partial<GeneratorParams>, options: GenerateOptions): Promise<{ rows: Record<RawTableName, number>; elapsedMs: number }> {
  const worker = new Worker(new URL('./generator.worker.ts', import.meta.url), { type: 'module', name: 'growthbench-generator' });
  const requestId = 1;
  const send = (request: GeneratorRequest) => worker.postMessage(request);
  let chain = Promise.resolve();
  // Crash, unreadable message or silence: the watch rejects `died` and the run fails at once.
  const watch = new WorkerWatch('generator', worker, { stallMs: GENERATOR_STALL_MS });
  // The worker owes a chunk only while every chunk it sent has been consumed; while the
  // database is still loading one, the wait is on this side.
  let unconsumed = 0;
  let owed: (() => void) | null = watch.expect();

  return new Promise<{ rows: Record<RawTableName, number>; elapsedMs: number }>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      owed?.();
      watch.dispose();
      worker.terminate();
      action();
    };
    watch.died.catch((error: unknown) => finish(() => reject(error)));
    const onAbort = () => {
      send({ type: 'cancel', requestId });
      finish(() => reject(new GenerationCancelledError()));
    };
    options.signal?.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<GeneratorResponse>) => {
      const message = event.data;
      if (message.requestId !== requestId) return;
      switch (message.type) {
        case 'chunk':
          unconsumed++;
          owed?.();
          owed = null;
          chain = chain
            .then(() => options.onChunk(message))
            .then(() => {
              send({ type: 'ack', requestId });
              if (--unconsumed === 0 && !settled) owed = watch.expect();
            })
            .catch((error: unknown) => finish(() => reject(error)));
          return;
        case 'done':
          // Resolve only after every chunk has been consumed.
          void chain.then(() => finish(() => resolve({ rows: message.rows, elapsedMs: message.elapsedMs })));
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
    };
    if (options.signal?.aborted) onAbort();
    else send({ type: 'generate', requestId, params, maxInFlight: options.maxInFlight ?? 4 });
  });
}
