/// <reference lib="webworker" />
import initParquet, * as parquetWasm from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ExcelJsModule } from './excelWorkbook';
import { runExportJob } from './exportJob';
import { restoreSlice } from './exportPlan';
import type { ParquetWasm } from './parquet';
import type { ExportJob, FromExportWorker, ToExportWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/**
 * The export worker: encodes Parquet, CSV and Excel off the page's thread. It pulls one
 * batch at a time from the page (see protocol.ts) and answers with Blobs, which the page
 * saves without copying.
 */
class CancelledError extends Error {}

let parquetReady: Promise<unknown> | null = null;

interface Running {
  jobId: number;
  cancelled: boolean;
  waiting: { resolve(ipc: Uint8Array | null): void; reject(error: Error): void } | null;
}

let running: Running | null = null;

const post = (message: FromExportWorker) => self.postMessage(message);

function nextSlice(job: Running, table: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    job.waiting = { resolve, reject };
    post({ type: 'pull', jobId: job.jobId, table });
  });
}

async function run(jobId: number, job: ExportJob): Promise<void> {
  const state: Running = { jobId, cancelled: false, waiting: null };
  running = state;
  let lastProgress = 0;
  try {
    // Self-hosted wasm (Vite copies it into dist/), loaded once, only when Parquet is asked for.
    if (job.format === 'parquet') await (parquetReady ??= initParquet({ module_or_path: parquetWasmUrl }));
    const files = await runExportJob(
      job,
      {
        parquet: parquetWasm as unknown as ParquetWasm,
        loadExcel: async () => {
          const module = (await import('exceljs')) as unknown as ExcelJsModule & { default?: ExcelJsModule };
          return module.default ?? module;
        },
      },
      {
        async *batches(index) {
          for (;;) {
            const ipc = await nextSlice(state, index);
            if (ipc === null) return;
            yield* restoreSlice(ipc, job.tables[index]!);
          }
        },
        progress: (table, rowsWritten, bytesWritten) => {
          // At most ten updates a second (plus each table's last): the page re-renders on each.
          const now = performance.now();
          if (now - lastProgress < 100 && rowsWritten < job.tables[table]!.rows) return;
          lastProgress = now;
          post({ type: 'progress', jobId, table, rowsWritten, bytesWritten });
        },
        checkCancelled: () => {
          if (state.cancelled) throw new CancelledError();
        },
      },
    );
    post({ type: 'done', jobId, files });
  } catch (error) {
    if (state.cancelled || error instanceof CancelledError) post({ type: 'cancelled', jobId });
    else post({ type: 'error', jobId, message: error instanceof Error ? error.message : String(error) });
  } finally {
    if (running === state) running = null;
  }
}

self.onmessage = (event: MessageEvent<ToExportWorker>) => {
  const message = event.data;
  if (message.type === 'start') {
    void run(message.jobId, message.job);
    return;
  }
  if (!running || running.jobId !== message.jobId) return;
  const waiting = running.waiting;
  running.waiting = null;
  if (message.type === 'batch') waiting?.resolve(message.ipc);
  else {
    running.cancelled = true;
    waiting?.reject(new CancelledError());
  }
};
