import { WorkerWatch } from '../engine/workerFaults';
import { CHUNKS_PER_GROUP, runUnits } from './groups';
import { checkedParams, type GeneratorParams } from './params';
import type { GeneratorResponse } from './protocol';
import { type ChunkMessage, GenerationCancelledError, type GenerationResult, type GeneratorWorker, type PoolMember, PoolRun } from './generatorPoolRun';

export { type ChunkMessage, GenerationCancelledError, type GenerationResult, type GeneratorWorker } from './generatorPoolRun';

/**
 * Longest silence of a generator while it owes a chunk (it has a unit to finish and credit
 * left). Chunks take seconds at most, so only a hung or dead worker stays silent this long; an
 * idle worker of the pool owes nothing and is never timed.
 */
export const GENERATOR_STALL_MS = 120_000;

/**
 * Generators to run side by side: one per core, at most four. The database loads chunks on
 * another thread meanwhile, but it waits on the generators most of the time.
 */
export function generatorCount(cores: number = globalThis.navigator?.hardwareConcurrency ?? 1): number {
  return Math.max(1, Math.min(4, Math.floor(cores) || 1));
}

export interface PoolOptions {
  /** Starts one generator worker (tests pass in-process stand-ins). */
  spawn: () => GeneratorWorker;
  /** Workers a run uses unless it asks otherwise (default: generatorCount()). */
  size?: number;
}

export interface GenerateOptions {
  /** Receives each chunk, in the order one generator would make them; the next follows once the returned promise settles. */
  onChunk: (chunk: ChunkMessage) => Promise<void>;
  signal?: AbortSignal;
  /** Chunks a worker may make ahead of the page. */
  maxInFlight?: number;
  /** Generators side by side (default: the pool's size). Any number gives the same data. */
  workers?: number;
}

/**
 * Generator workers kept between runs, so that a regeneration runs on warm workers (JIT
 * compiled, no start-up): about twice as fast as fresh ones. Workers are spawned lazily, up to
 * what a run asks for, and never more than the run has units. A run that does not finish
 * (cancelled, superseded, a fault, a failed consumer) terminates the workers it used, whose
 * state is unknown; the next run spawns fresh ones. One run at a time: a new run cancels the
 * one in progress.
 */
export class GeneratorPool {
  private readonly members: PoolMember[] = [];
  private current: PoolRun | null = null;
  private nextRequestId = 1;

  constructor(private readonly options: PoolOptions) {}

  /** Live workers, idle or at work. */
  get workers(): number {
    return this.members.length;
  }

  /** Live workers not working for a run. */
  get idleWorkers(): number {
    return this.members.filter((m) => m.run === null).length;
  }

  /**
   * Starts the workers a run of `params` will use, without a run: their script loads and
   * compiles meanwhile (the page calls this before it starts the database). Invalid
   * parameters start nothing; generate() reports them.
   */
  prestart(params: Partial<GeneratorParams>, workers?: number): void {
    let units: number[];
    try {
      units = runUnits(checkedParams(params).accounts);
    } catch {
      return;
    }
    this.spawnUpTo(this.workersFor(units, workers));
  }

  generate(params: Partial<GeneratorParams>, options: GenerateOptions): Promise<GenerationResult> {
    this.current?.fail(new GenerationCancelledError());
    let units: number[];
    try {
      // Checked here, with the workers' own function: the error names the fields.
      units = runUnits(checkedParams(params).accounts);
    } catch (error) {
      return Promise.reject(error);
    }
    if (options.signal?.aborted) return Promise.reject(new GenerationCancelledError());
    const count = this.workersFor(units, options.workers);
    this.spawnUpTo(count);
    // The oldest first: they have run the most and are the warmest.
    const members = this.members.slice(0, count);
    const run = new PoolRun({
      requestId: this.nextRequestId++,
      params,
      units,
      // Credit for a whole group: a worker makes its next unit while the page still loads
      // the others', and never holds more than a group of chunks (~25 MB) waiting.
      maxInFlight: options.maxInFlight ?? CHUNKS_PER_GROUP,
      members,
      onChunk: options.onChunk,
      onEnd: (outcome) => {
        if (this.current === run) this.current = null;
        options.signal?.removeEventListener('abort', onAbort);
        if (outcome === 'failed') for (const member of members) this.retire(member);
      },
    });
    const onAbort = () => run.fail(new GenerationCancelledError());
    options.signal?.addEventListener('abort', onAbort);
    this.current = run;
    run.start();
    return run.done;
  }

  /** Terminates every worker (a run in progress rejects as cancelled). */
  dispose(): void {
    this.current?.fail(new GenerationCancelledError());
    for (const member of [...this.members]) this.retire(member);
  }

  /** Never more workers than the run has units. */
  private workersFor(units: readonly number[], workers: number | undefined): number {
    return Math.max(1, Math.min(workers ?? this.options.size ?? generatorCount(), units.length));
  }

  private spawnUpTo(count: number): void {
    while (this.members.length < count) this.spawn();
  }

  private spawn(): void {
    const worker = this.options.spawn();
    // Crash, unreadable message or silence while a chunk is owed: the watch terminates the
    // worker and rejects `died`; the pool forgets it and its run, if any, fails at once.
    const member: PoolMember = { worker, watch: new WorkerWatch('generator', worker, { stallMs: GENERATOR_STALL_MS }), run: null };
    member.watch.died.catch((error: unknown) => {
      this.retire(member);
      member.run?.fail(error);
    });
    worker.addEventListener('message', (event: Event) => member.run?.onMessage(member, (event as MessageEvent<GeneratorResponse>).data));
    this.members.push(member);
  }

  private retire(member: PoolMember): void {
    const index = this.members.indexOf(member);
    if (index < 0) return;
    this.members.splice(index, 1);
    member.watch.dispose();
    member.worker.terminate();
  }
}
