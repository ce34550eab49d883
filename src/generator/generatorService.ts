import { generateDataset } from './dataset';
import type { DatasetShare } from './groups';
import { type GeneratorRequest, type GeneratorResponse, serializeError } from './protocol';
import { RAW_TABLES, type RawTableName } from './rawTables';

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

interface Job {
  requestId: number;
  credits: number;
  cancelled: boolean;
  wake: (() => void) | null;
}

/**
 * The worker's logic without the worker: handles requests and posts responses. Kept apart
 * from the entry file so that tests can drive it directly.
 */
export class GeneratorService {
  private job: Job | null = null;

  constructor(private readonly post: Post) {}

  handle(request: GeneratorRequest): void {
    const job = this.job;
    switch (request.type) {
      case 'generate':
        if (job) job.cancelled = true;
        void this.run(request.requestId, request.params, request.share, request.maxInFlight);
        return;
      case 'ack':
        if (job && job.requestId === request.requestId) {
          job.credits++;
          job.wake?.();
        }
        return;
      case 'cancel':
        if (job && job.requestId === request.requestId) {
          job.cancelled = true;
          job.wake?.();
        }
        return;
    }
  }

  private async run(requestId: number, params: Parameters<typeof generateDataset>[0], share: DatasetShare, maxInFlight: number): Promise<void> {
    const job: Job = { requestId, credits: Math.max(1, maxInFlight), cancelled: false, wake: null };
    this.job = job;
    const started = performance.now();
    const rows = Object.fromEntries(RAW_TABLES.map((t) => [t, 0])) as Record<RawTableName, number>;
    try {
      for (const chunk of generateDataset(params, share)) {
        while (job.credits === 0 && !job.cancelled) await new Promise<void>((resolve) => (job.wake = resolve));
        job.wake = null;
        if (job.cancelled) break;
        job.credits--;
        rows[chunk.table] += chunk.rows;
        this.post({ type: 'chunk', requestId, ...chunk, elapsedMs: performance.now() - started });
        // Yield so that acks and cancels queued behind this chunk are seen.
        await nextTask();
        if (job.cancelled) break;
      }
      if (job.cancelled) this.post({ type: 'cancelled', requestId });
      else this.post({ type: 'done', requestId, rows, elapsedMs: performance.now() - started });
    } catch (error) {
      this.post({ type: 'error', requestId, error: serializeError(error) });
    } finally {
      if (this.job === job) this.job = null;
    }
  }
}
