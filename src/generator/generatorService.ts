import { generateUnit, prepareRun, type RunWorld } from './dataset';
import type { GeneratorParams } from './params';
import { type GeneratorRequest, type GeneratorResponse, serializeError } from './protocol';

type Post = (response: GeneratorResponse) => void;

/**
 * Resolves in a new task, after the messages already queued for this worker: a message to
 * itself, which, unlike setTimeout(0), browsers do not clamp to 4 ms once nested (a chunk
 * every few ms made that a tenth of the generation's time).
 */
function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** One run as this worker sees it: the units it was handed, and its credit. */
interface Job {
  requestId: number;
  credits: number;
  /** Units handed over and not begun, in the order given. */
  units: number[];
  cancelled: boolean;
  /** The page said the run is over: no more units will come. */
  ended: boolean;
  wake: (() => void) | null;
}

/**
 * The worker's logic without the worker: handles requests and posts responses. Kept apart
 * from the entry file so that tests can drive it directly. The worker outlives its runs; a
 * run's world (accounts, users, the events chunk builder) lives only as long as its job.
 */
export class GeneratorService {
  private job: Job | null = null;

  constructor(private readonly post: Post) {}

  handle(request: GeneratorRequest): void {
    if (request.type === 'generate') {
      this.stop();
      void this.run(request.requestId, request.params, request.maxInFlight);
      return;
    }
    const job = this.job;
    if (!job || job.requestId !== request.requestId) return;
    switch (request.type) {
      case 'unit':
        job.units.push(request.group);
        break;
      case 'ack':
        job.credits++;
        break;
      case 'cancel':
        job.cancelled = true;
        break;
      case 'end':
        job.ended = true;
        break;
    }
    job.wake?.();
  }

  /** Stops the job in progress, if any (a new run replaces it). */
  private stop(): void {
    if (!this.job) return;
    this.job.cancelled = true;
    this.job.wake?.();
  }

  private async run(requestId: number, params: Partial<GeneratorParams>, maxInFlight: number): Promise<void> {
    const job: Job = { requestId, credits: Math.max(1, maxInFlight), units: [], cancelled: false, ended: false, wake: null };
    this.job = job;
    const until = async (ready: () => boolean) => {
      while (!ready()) await new Promise<void>((resolve) => (job.wake = resolve));
      job.wake = null;
    };
    try {
      // Invalid parameters throw here, before any unit: the error names the fields. The world
      // is local to this call, so it goes once the run ends: an idle worker holds nothing of it.
      const world: RunWorld = prepareRun(params);
      for (;;) {
        await until(() => job.cancelled || job.ended || job.units.length > 0);
        if (job.cancelled) break;
        const unit = job.units.shift();
        if (unit === undefined) break; // ended, and every unit made
        for (const chunk of generateUnit(world, unit)) {
          await until(() => job.cancelled || job.credits > 0);
          if (job.cancelled) break;
          job.credits--;
          this.post({ type: 'chunk', requestId, ...chunk });
          // Yield so that acks, units and cancels queued behind this chunk are seen.
          await nextTask();
          if (job.cancelled) break;
        }
      }
      if (job.cancelled) this.post({ type: 'cancelled', requestId });
    } catch (error) {
      this.post({ type: 'error', requestId, error: serializeError(error) });
    } finally {
      if (this.job === job) this.job = null;
    }
  }
}
