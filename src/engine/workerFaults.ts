/**
 * Worker faults: a worker that crashes, cannot read a message or stops answering must never
 * leave a promise pending forever. A WorkerWatch turns each of those into one error that
 * rejects every request in flight and every later one.
 */

export type WorkerKind = 'generator' | 'database';

const WORKER_LABEL: Record<WorkerKind, string> = { generator: 'generator worker', database: 'database (DuckDB) worker' };

export class WorkerFaultError extends Error {
  override name = 'WorkerFaultError';
  constructor(
    readonly worker: WorkerKind,
    readonly reason: 'crashed' | 'stalled',
    detail: string,
  ) {
    super(reason === 'crashed' ? `The ${WORKER_LABEL[worker]} crashed: ${detail}` : `The ${WORKER_LABEL[worker]} stopped responding: ${detail}`);
  }
}

/** The part of a Worker a watch needs (an EventTarget stands in for it in unit tests). */
export interface WatchedWorker {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  terminate(): void;
}

export interface WatchOptions {
  /**
   * While something is expected of the worker, the longest silence (no message from it)
   * before it counts as stalled. A slow but alive run keeps talking (DuckDB answers each poll
   * of a pending query; the generator sends a chunk per credit), so only a hung worker trips it.
   */
  stallMs: number;
  now?: () => number;
}

const live = new Map<WorkerKind, WorkerWatch>();

/** Test hook (setStallLimit): a silence limit for every watch instead of its own, or null. */
let stallLimitOverride: number | null = null;

export class WorkerWatch {
  /** Rejects with the fault when the worker dies; never resolves. */
  readonly died: Promise<never>;
  private fault: WorkerFaultError | null = null;
  private rejectDied!: (error: WorkerFaultError) => void;
  private expecting = 0;
  /** Rejecters of the guarded requests still in flight. */
  private readonly pending = new Set<(error: WorkerFaultError) => void>();
  private lastHeard: number;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly now: () => number;
  private readonly listeners: [string, (event: Event) => void][];

  constructor(
    readonly kind: WorkerKind,
    private readonly worker: WatchedWorker,
    private readonly options: WatchOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.lastHeard = this.now();
    this.died = new Promise<never>((_, reject) => {
      this.rejectDied = reject;
    });
    // Observed by every guard; this keeps an unobserved death from being reported as unhandled.
    this.died.catch(() => undefined);
    this.listeners = [
      ['message', () => (this.lastHeard = this.now())],
      ['error', (event) => this.fail(new WorkerFaultError(kind, 'crashed', eventMessage(event)))],
      ['messageerror', () => this.fail(new WorkerFaultError(kind, 'crashed', 'a message from it could not be read'))],
    ];
    for (const [type, listener] of this.listeners) worker.addEventListener(type, listener);
    live.set(kind, this);
  }

  get error(): WorkerFaultError | null {
    return this.fault;
  }

  /** `promise`, or the worker's fault if it dies first; counts as expecting an answer meanwhile. */
  guard<T>(promise: Promise<T>): Promise<T> {
    if (this.fault) return Promise.reject(this.fault);
    // Not Promise.race with `died`: every race would leave a reaction on that never-settling
    // promise for the worker's whole life (thousands per run), a leak the soak test caught.
    return new Promise<T>((resolve, reject) => {
      const release = this.expect();
      this.pending.add(reject);
      const settle = () => {
        this.pending.delete(reject);
        release();
      };
      promise.then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          // As it came: DuckDB-WASM rejects with plain objects that carry a message, too.
          reject(error as Error);
        },
      );
    });
  }

  /** Marks that the worker owes an answer until the returned function is called. */
  expect(): () => void {
    if (this.expecting === 0) this.lastHeard = this.now();
    this.expecting++;
    this.startTimer();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.expecting--;
      if (this.expecting === 0) this.stopTimer();
    };
  }

  /** Terminates the worker and rejects everything in flight with `error`. */
  fail(error: WorkerFaultError): void {
    if (this.fault) return;
    this.fault = error;
    this.dispose();
    this.worker.terminate();
    this.rejectDied(error);
    for (const reject of this.pending) reject(error);
    this.pending.clear();
  }

  /** Stops watching (the worker is being shut down on purpose). */
  dispose(): void {
    this.stopTimer();
    for (const [type, listener] of this.listeners) this.worker.removeEventListener(type, listener);
    if (live.get(this.kind) === this) live.delete(this.kind);
  }

  /**
   * Test hook: what a crash looks like from the page. The worker is terminated and then the
   * 'error' event a crashed worker delivers is dispatched on it, so the same listener that
   * handles a real crash handles this one.
   */
  simulateCrash(): void {
    const event = new Event('error');
    Object.defineProperty(event, 'message', { value: 'killed by the test hook' });
    this.worker.terminate();
    (this.worker as unknown as EventTarget).dispatchEvent(event);
  }

  /** Restarts the silence timer so a changed limit takes effect at its own granularity. */
  restartTimer(): void {
    if (this.timer === null) return;
    this.stopTimer();
    this.startTimer();
  }

  private get stallMs(): number {
    return stallLimitOverride ?? this.options.stallMs;
  }

  private startTimer(): void {
    if (this.timer !== null) return;
    const every = Math.max(10, Math.min(5_000, this.stallMs / 4));
    this.timer = setInterval(() => {
      const silent = this.now() - this.lastHeard;
      if (this.expecting > 0 && silent > this.stallMs) {
        this.fail(new WorkerFaultError(this.kind, 'stalled', `no answer for ${Math.round(silent / 1000)} s`));
      }
    }, every);
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}

function eventMessage(event: Event): string {
  const message = (event as Partial<ErrorEvent>).message;
  return typeof message === 'string' && message !== '' ? message : 'unknown error (the worker may have run out of memory)';
}

/** Test hook behind window.growthbench.killWorker: crashes the live worker of that kind. */
export function killWorker(kind: WorkerKind): boolean {
  const watch = live.get(kind);
  if (!watch) return false;
  watch.simulateCrash();
  return true;
}

/**
 * Test hook behind window.growthbench.setStallLimit: the silence limit of every watch, live
 * and later (null restores each watch's own), so an end-to-end test can hang a real worker
 * and see the page recover in seconds instead of minutes.
 */
export function setStallLimit(ms: number | null): void {
  stallLimitOverride = ms;
  for (const watch of live.values()) watch.restartTimer();
}
