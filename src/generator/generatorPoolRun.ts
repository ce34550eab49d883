import type { WorkerWatch } from '../engine/workerFaults';
import type { GeneratorParams } from './params';
import type { GeneratorRequest, GeneratorResponse } from './protocol';
import type { RawTableName } from './rawTables';

export type ChunkMessage = Extract<GeneratorResponse, { type: 'chunk' }>;
export type Rows = Record<RawTableName, number>;

/** What the pool needs of a worker; a real Worker, or an in-process stand-in in tests. */
export type GeneratorWorker = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener' | 'removeEventListener'>;

export interface GenerationResult {
  rows: Rows;
  /** From the run's start (workers spawned or taken from the pool) to the last chunk received. */
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

/** A worker of the pool, kept between runs; `run` is the run it works for, if any. */
export interface PoolMember {
  worker: GeneratorWorker;
  watch: WorkerWatch;
  run: PoolRun | null;
}

export interface PoolRunSetup {
  requestId: number;
  params: Partial<GeneratorParams>;
  /** The run's units in the order of the dataset: HEAD_GROUP, then the groups (runUnits). */
  units: readonly number[];
  maxInFlight: number;
  members: readonly PoolMember[];
  onChunk: (chunk: ChunkMessage) => Promise<void>;
  /** Called once when the run ends; `failed` members must be terminated (their state is unknown). */
  onEnd: (outcome: 'done' | 'failed') => void;
}

/** One worker's part in a run. */
interface Share {
  member: PoolMember;
  /** Chunks sent and not acknowledged yet. */
  unacked: number;
  /** Units handed over whose last chunk has not arrived. */
  outstanding: number;
  /** Releases the watch's expectation of a message while the worker owes a chunk. */
  owed: (() => void) | null;
}

/**
 * One generation on some of the pool's workers. Units are handed out dynamically: each worker
 * starts with two (one to make, one in reserve so it never idles waiting for a round trip),
 * and gets the next unassigned unit whenever the last chunk of one of its units arrives. The
 * page consumes chunks strictly in unit order, whoever made them, so it sees exactly the
 * sequence of one generator for any number of workers and any assignment.
 *
 * No deadlock under credit: units are assigned from one counter, so each worker's units come
 * in increasing order, and a worker makes its units in the order given. The unit the page waits
 * for, u, is therefore the oldest unfinished unit of its worker: that worker's earlier units
 * are all below u, hence consumed and acknowledged, so its only unacknowledged chunks are u's
 * own, which the page consumes as they arrive. That worker always gets credit back, finishes
 * u, and the page moves on; other workers running ahead only wait for credit.
 */
export class PoolRun {
  readonly done: Promise<GenerationResult>;
  private resolve!: (result: GenerationResult) => void;
  private reject!: (error: unknown) => void;
  private settled = false;
  private readonly shares: Share[];
  /** Chunks received and not consumed yet, by unit. */
  private readonly received = new Map<number, ChunkMessage[]>();
  private readonly ownerOf = new Map<number, Share>();
  /** Index in `units` of the unit the page consumes now, and of the next unit to hand out. */
  private position = 0;
  private assigned = 0;
  private consuming = false;
  private readonly rows = {} as Rows;
  private readonly started = performance.now();
  private lastChunkAt = this.started;

  constructor(private readonly setup: PoolRunSetup) {
    this.done = new Promise<GenerationResult>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.shares = setup.members.map((member) => ({ member, unacked: 0, outstanding: 0, owed: null }));
  }

  start(): void {
    for (const share of this.shares) {
      share.member.run = this;
      this.send(share, { type: 'generate', requestId: this.setup.requestId, params: this.setup.params, maxInFlight: this.setup.maxInFlight });
    }
    // The head (the first unit) goes to the first, warmest, worker; then one in reserve each.
    for (let round = 0; round < 2; round++) for (const share of this.shares) this.assignNext(share);
    for (const share of this.shares) this.updateOwed(share);
  }

  onMessage(member: PoolMember, message: GeneratorResponse): void {
    if (this.settled || message.requestId !== this.setup.requestId) return;
    const share = this.shares.find((s) => s.member === member);
    if (!share) return;
    switch (message.type) {
      case 'chunk': {
        const queue = this.received.get(message.group);
        if (queue) queue.push(message);
        else this.received.set(message.group, [message]);
        share.unacked++;
        this.rows[message.table] = (this.rows[message.table] ?? 0) + message.rows;
        this.lastChunkAt = performance.now();
        if (message.lastOfGroup) {
          share.outstanding--;
          this.assignNext(share);
        }
        this.updateOwed(share);
        this.pump();
        return;
      }
      case 'cancelled':
        this.fail(new GenerationCancelledError());
        return;
      case 'error': {
        const error = new Error(message.error.message);
        error.name = message.error.name;
        this.fail(error);
        return;
      }
    }
  }

  /** Cancelled, superseded by a newer run, or a worker's fault: the run rejects at once. */
  fail(error: unknown): void {
    this.settle('failed');
    this.reject(error);
  }

  private send(share: Share, request: GeneratorRequest): void {
    share.member.worker.postMessage(request);
  }

  private assignNext(share: Share): void {
    if (this.assigned >= this.setup.units.length) return;
    const unit = this.setup.units[this.assigned++]!;
    this.ownerOf.set(unit, share);
    share.outstanding++;
    this.send(share, { type: 'unit', requestId: this.setup.requestId, group: unit });
  }

  /** A worker owes a chunk while it has a unit to finish and credit left. */
  private updateOwed(share: Share): void {
    const owes = !this.settled && share.outstanding > 0 && share.unacked < this.setup.maxInFlight;
    if (owes && !share.owed) share.owed = share.member.watch.expect();
    if (!owes && share.owed) {
      share.owed();
      share.owed = null;
    }
  }

  private pump(): void {
    if (this.consuming || this.settled) return;
    const { units } = this.setup;
    if (this.position === units.length) {
      this.settle('done');
      this.resolve({ rows: this.rows, elapsedMs: this.lastChunkAt - this.started, workers: this.shares.length });
      return;
    }
    const unit = units[this.position]!;
    const chunk = this.received.get(unit)?.shift();
    if (!chunk) return;
    this.consuming = true;
    this.setup.onChunk(chunk).then(
      () => {
        if (this.settled) return;
        const owner = this.ownerOf.get(unit)!;
        this.send(owner, { type: 'ack', requestId: this.setup.requestId });
        owner.unacked--;
        this.updateOwed(owner);
        if (chunk.lastOfGroup) {
          this.received.delete(unit);
          this.position++;
        }
        this.consuming = false;
        this.pump();
      },
      (error: unknown) => this.fail(error),
    );
  }

  private settle(outcome: 'done' | 'failed'): void {
    if (this.settled) return;
    this.settled = true;
    for (const share of this.shares) {
      this.updateOwed(share);
      // The worker drops the run's state; a failed run's workers are terminated instead.
      if (outcome === 'done') this.send(share, { type: 'end', requestId: this.setup.requestId });
      if (share.member.run === this) share.member.run = null;
    }
    this.received.clear();
    this.setup.onEnd(outcome);
  }
}
