import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { killWorker, setStallLimit, WorkerFaultError, WorkerWatch } from '../../../src/engine/workerFaults';

/** Stands in for a Worker: an EventTarget that records being terminated. */
class FakeWorker extends EventTarget {
  terminated = 0;
  terminate(): void {
    this.terminated++;
  }
  crash(message: string): void {
    const event = new Event('error');
    Object.defineProperty(event, 'message', { value: message });
    this.dispatchEvent(event);
  }
  speak(): void {
    this.dispatchEvent(new Event('message'));
  }
}

const never = <T>() => new Promise<T>(() => undefined);

describe('WorkerWatch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('rejects every pending request, and every later one, when the worker crashes', async () => {
    const worker = new FakeWorker();
    const watch = new WorkerWatch('database', worker, { stallMs: 60_000, now: () => Date.now() });
    const first = watch.guard(never<number>());
    const second = watch.guard(never<string>());
    worker.crash('RangeError: Array buffer allocation failed');
    await expect(first).rejects.toThrow('The database (DuckDB) worker crashed: RangeError: Array buffer allocation failed');
    await expect(second).rejects.toBeInstanceOf(WorkerFaultError);
    await expect(watch.guard(Promise.resolve(1))).rejects.toThrow('crashed');
    expect(worker.terminated).toBe(1);
    expect(watch.error?.reason).toBe('crashed');
  });

  it('treats an unreadable message as a crash', async () => {
    const worker = new FakeWorker();
    const watch = new WorkerWatch('generator', worker, { stallMs: 60_000, now: () => Date.now() });
    const pending = watch.guard(never<void>());
    worker.dispatchEvent(new Event('messageerror'));
    await expect(pending).rejects.toThrow('The generator worker crashed: a message from it could not be read');
  });

  it('passes answers through untouched while the worker lives', async () => {
    const watch = new WorkerWatch('database', new FakeWorker(), { stallMs: 60_000, now: () => Date.now() });
    await expect(watch.guard(Promise.resolve(42))).resolves.toBe(42);
    await expect(watch.guard(Promise.reject(new Error('syntax error')))).rejects.toThrow('syntax error');
    expect(watch.error).toBeNull();
  });

  it('fails a request only after the worker is silent for the stall time, not after a long but talkative run', async () => {
    const worker = new FakeWorker();
    const watch = new WorkerWatch('database', worker, { stallMs: 10_000, now: () => Date.now() });
    let outcome: unknown = 'pending';
    watch.guard(never<void>()).catch((error: unknown) => (outcome = error));
    // A minute of work with an answer every 5 s: alive.
    for (let i = 0; i < 12; i++) {
      await vi.advanceTimersByTimeAsync(5_000);
      worker.speak();
    }
    expect(outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(12_500);
    expect(outcome).toBeInstanceOf(WorkerFaultError);
    expect((outcome as WorkerFaultError).message).toMatch(/^The database \(DuckDB\) worker stopped responding: no answer for 1\d s$/);
    expect(worker.terminated).toBe(1);
  });

  it('never counts silence while nothing is expected of the worker', async () => {
    const worker = new FakeWorker();
    const watch = new WorkerWatch('generator', worker, { stallMs: 10_000, now: () => Date.now() });
    const release = watch.expect();
    await vi.advanceTimersByTimeAsync(5_000);
    release();
    // Idle for ten minutes (the page is loading a chunk into the database, say).
    await vi.advanceTimersByTimeAsync(600_000);
    expect(watch.error).toBeNull();
    // Expecting again starts a fresh clock.
    watch.expect();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(watch.error).toBeNull();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(watch.error?.reason).toBe('stalled');
  });

  it('setStallLimit shortens the silence limit of a live watch already timing, and null restores its own', async () => {
    const worker = new FakeWorker();
    const watch = new WorkerWatch('database', worker, { stallMs: 120_000, now: () => Date.now() });
    const release = watch.expect();
    try {
      setStallLimit(2_000);
      await vi.advanceTimersByTimeAsync(1_500);
      expect(watch.error).toBeNull();
      // Checked every 500 ms (a quarter of the limit), so it trips within 2.5 s of silence.
      await vi.advanceTimersByTimeAsync(1_000);
      expect(watch.error?.reason).toBe('stalled');
      expect(watch.error?.message).toBe('The database (DuckDB) worker stopped responding: no answer for 3 s');
    } finally {
      setStallLimit(null);
      release();
    }
    const other = new WorkerWatch('generator', new FakeWorker(), { stallMs: 10_000, now: () => Date.now() });
    other.expect();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(other.error).toBeNull();
    other.dispose();
  });

  it('killWorker crashes the live worker of that kind through its error event, and only while it is live', async () => {
    const worker = new FakeWorker();
    const watch = new WorkerWatch('generator', worker, { stallMs: 60_000, now: () => Date.now() });
    const pending = watch.guard(never<void>());
    expect(killWorker('database')).toBe(false);
    expect(killWorker('generator')).toBe(true);
    await expect(pending).rejects.toThrow('The generator worker crashed: killed by the test hook');
    expect(worker.terminated).toBeGreaterThanOrEqual(1);
    expect(killWorker('generator')).toBe(false);
  });

  it('a disposed watch ignores the worker and leaves the registry', () => {
    const worker = new FakeWorker();
    const watch = new WorkerWatch('database', worker, { stallMs: 60_000, now: () => Date.now() });
    watch.dispose();
    worker.crash('late');
    expect(watch.error).toBeNull();
    expect(killWorker('database')).toBe(false);
  });
});
