import { readdirSync, readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

/** Parent pid of every process, from /proc/<pid>/stat (the command name may hold spaces and parentheses). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
    } catch {
      // the process ended between listing and reading
    }
  }
  return parents;
}

/**
 * Resident memory of the Chromium renderer processes started by this process. The page, its
 * generator worker and the DuckDB worker (with its wasm heap) all live in the page's renderer,
 * so its RSS is the closest whole-tab figure the OS gives; it also counts Chromium's own code
 * and shared libraries.
 */
export function rendererRss(root = process.pid): { largest: number; sum: number; processes: number } {
  const parents = parentPids();
  const descends = (pid: number): boolean => {
    for (let p = parents.get(pid), guard = 0; p !== undefined && p > 1 && guard < 64; p = parents.get(p), guard++) if (p === root) return true;
    return false;
  };
  let largest = 0;
  let sum = 0;
  let processes = 0;
  for (const pid of parents.keys()) {
    if (!descends(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      const bytes = kb ? Number(kb[1]) * 1024 : 0;
      largest = Math.max(largest, bytes);
      sum += bytes;
      processes++;
    } catch {
      // ended meanwhile
    }
  }
  return { largest, sum, processes };
}

/** A short name for a worker script URL: "assets/duckdb-browser-eh.worker-hQa-dcAV.js" -> "duckdb-browser-eh.worker". */
export function workerName(url: string): string {
  const file = url.split('/').pop() ?? url;
  return file.replace(/\.m?js$/, '').replace(/-[A-Za-z0-9_-]{8}$/, '');
}

/**
 * Runs in each worker before its own script: remembers every WebAssembly.Memory made or
 * exported there, so its size can be read later. CDP has no call for a worker's wasm heap
 * (Runtime.getHeapUsage leaves it out, and Runtime.queryObjects never answered in a worker).
 */
const WASM_HOOK = `(() => {
  const memories = (globalThis.__growthbenchWasmMemories = []);
  const Memory = WebAssembly.Memory;
  const track = (value) => { if (value instanceof Memory && !memories.includes(value)) memories.push(value); return value; };
  WebAssembly.Memory = new Proxy(Memory, { construct: (target, args, newTarget) => track(Reflect.construct(target, args, newTarget)) });
  const scan = (result) => { const instance = result && (result.instance || result); if (instance && instance.exports) Object.values(instance.exports).forEach(track); return result; };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = function (...args) { return original.apply(this, args).then(scan); };
  }
})()`;
const WASM_BYTES = '(globalThis.__growthbenchWasmMemories || []).reduce((sum, m) => sum + m.buffer.byteLength, 0)';

/**
 * Talks to the page's dedicated workers through the page's own CDP session. Playwright's
 * CDPSession cannot address a child session directly, so workers are auto-attached in
 * non-flat mode and spoken to with Target.sendMessageToTarget. Each worker is held at its
 * start just long enough to install WASM_HOOK.
 */
export class WorkerChannel {
  readonly workers = new Map<string, string>(); // sessionId -> script URL
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') this.workers.set(e.sessionId, e.targetInfo.url);
      void this.prepare(e.sessionId, e.targetInfo.type === 'worker');
    });
    cdp.on('Target.detachedFromTarget', (e) => this.workers.delete(e.sessionId));
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const message = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  start(): Promise<unknown> {
    return this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  }

  private async prepare(sessionId: string, hook: boolean): Promise<void> {
    try {
      if (hook) await this.send(sessionId, 'Runtime.evaluate', { expression: WASM_HOOK });
    } catch {
      // measuring is best effort; the app must run regardless
    } finally {
      // Always let the target go on: a worker left waiting would hang the app.
      await this.send(sessionId, 'Runtime.runIfWaitingForDebugger').catch(() => undefined);
    }
  }

  /** A CDP command inside one worker; rejects after timeoutMs (a worker deep in wasm may answer late). */
  send<T>(sessionId: string, method: string, params: object = {}, timeoutMs = 2000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((e: Error) => {
        this.pending.delete(id);
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  /** Bytes of the worker's WebAssembly memories now (a wasm heap only grows). */
  async wasmBytes(sessionId: string, timeoutMs = 1000): Promise<number> {
    const answer = await this.send<{ result: { value?: number } }>(sessionId, 'Runtime.evaluate', { expression: WASM_BYTES, returnByValue: true }, timeoutMs);
    return answer.result.value ?? 0;
  }
}

export interface MemoryPeaks {
  /** Page main thread JS heap, used bytes (Performance.getMetrics JSHeapUsedSize), peak. */
  pageJsHeap: number;
  /** Each worker's JS heap, used bytes (Runtime.getHeapUsage usedSize), peak; wasm memory is not in it. */
  workerJsHeap: Record<string, number>;
  /** WebAssembly.Memory bytes per worker that has any, peak (a wasm heap never shrinks). */
  wasm: Record<string, number>;
  /** Largest Chromium renderer's resident set, peak (the page's renderer holds page, workers and wasm). */
  rendererRss: number;
  /** Sum over all renderer processes, peak (adds any spare renderer Chromium keeps). */
  rendererRssSum: number;
  samples: number;
}

/** Polls memory every intervalMs while a run goes on and keeps the peaks. */
export class MemorySampler {
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  readonly peaks: MemoryPeaks = { pageJsHeap: 0, workerJsHeap: {}, wasm: {}, rendererRss: 0, rendererRssSum: 0, samples: 0 };

  constructor(
    private readonly cdp: CDPSession,
    readonly workers: WorkerChannel,
    private readonly intervalMs = 200,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
  }

  private async sample(): Promise<void> {
    if (this.busy) return; // a slow answer must not pile samples up
    this.busy = true;
    try {
      const rss = rendererRss();
      this.peaks.rendererRss = Math.max(this.peaks.rendererRss, rss.largest);
      this.peaks.rendererRssSum = Math.max(this.peaks.rendererRssSum, rss.sum);
      const metrics = await this.cdp.send('Performance.getMetrics').catch(() => null);
      const heap = metrics?.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      this.peaks.pageJsHeap = Math.max(this.peaks.pageJsHeap, heap);
      await Promise.all(
        [...this.workers.workers].map(async ([sessionId, url]) => {
          const name = workerName(url);
          const [usage, wasm] = await Promise.all([
            this.workers.send<{ usedSize: number }>(sessionId, 'Runtime.getHeapUsage', {}, 1000).catch(() => null),
            this.workers.wasmBytes(sessionId).catch(() => 0),
          ]);
          if (usage) this.peaks.workerJsHeap[name] = Math.max(this.peaks.workerJsHeap[name] ?? 0, usage.usedSize);
          if (wasm > 0) this.peaks.wasm[name] = Math.max(this.peaks.wasm[name] ?? 0, wasm);
        }),
      );
      this.peaks.samples++;
    } finally {
      this.busy = false;
    }
  }

  /** Stops polling and takes a last sample. */
  async stop(): Promise<MemoryPeaks> {
    if (this.timer) clearInterval(this.timer);
    while (this.busy) await new Promise((r) => setTimeout(r, 20));
    await this.sample();
    return this.peaks;
  }
}
