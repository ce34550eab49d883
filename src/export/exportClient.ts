import { tableToIPC } from 'apache-arrow';
import type { DictionaryEntry } from '../dictionary/dictionary';
import { type ExportRequest, prepareExport } from './exportPlan';
import { DEFAULT_BATCH_ROWS, type ExportSource, type SqlRunner } from './exportSource';
import type { ExportedFile, FromExportWorker, ToExportWorker } from './protocol';
import type { ReadmeInfo } from './excelWorkbook';

export interface ExportProgress {
  /** The table being written, its position and the job's size. */
  table: string;
  tableIndex: number;
  tables: number;
  rowsWritten: number;
  totalRows: number;
  bytesWritten: number;
}

export class ExportCancelledError extends Error {
  override name = 'ExportCancelledError';
  constructor() {
    super('Export cancelled');
  }
}

let nextJobId = 0;

/** The IPC bytes as a buffer of their own, so transferring them moves exactly these bytes. */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}

/**
 * Exports tables or query results in the browser: the page reads slices through `runner`
 * (the query service's uncached path) and hands each one, as transferred Arrow IPC, to a
 * fresh export worker that writes the files; the worker is terminated afterwards, which
 * returns its memory. `signal` cancels at the next slice.
 */
export async function exportInBrowser(
  runner: SqlRunner,
  sources: readonly ExportSource[],
  request: ExportRequest,
  options: { dictionary: readonly DictionaryEntry[]; readme: ReadmeInfo; signal?: AbortSignal; onProgress?: (p: ExportProgress) => void },
): Promise<ExportedFile[]> {
  const { job, prepared } = await prepareExport(runner, sources, request, options.dictionary, options.readme);
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'growthbench-export' });
  const jobId = ++nextJobId;
  const post = (message: ToExportWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  const slices = prepared.map((p, i) => p.slices(job.tables[i]!.specs, DEFAULT_BATCH_ROWS));
  const totalRows = job.tables.reduce((sum, t) => sum + t.rows, 0);
  const rowsBefore = job.tables.map((_, i) => job.tables.slice(0, i).reduce((sum, t) => sum + t.rows, 0));
  try {
    return await new Promise<ExportedFile[]>((resolve, reject) => {
      const onAbort = () => {
        post({ type: 'cancel', jobId });
        reject(new ExportCancelledError());
      };
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const settle = (action: () => void) => {
        options.signal?.removeEventListener('abort', onAbort);
        action();
      };
      worker.onerror = (event) => settle(() => reject(new Error(`The export worker failed: ${event.message || 'unknown error'}`)));
      worker.onmessage = (event: MessageEvent<FromExportWorker>) => {
        const message = event.data;
        if (message.jobId !== jobId) return;
        switch (message.type) {
          case 'pull':
            slices[message.table]!.next().then(
              (next) => {
                if (next.done) return post({ type: 'batch', jobId, table: message.table, ipc: null });
                const ipc = ownBuffer(tableToIPC(next.value, 'stream'));
                post({ type: 'batch', jobId, table: message.table, ipc }, [ipc.buffer]);
              },
              (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
            );
            return;
          case 'progress':
            options.onProgress?.({
              table: job.tables[message.table]!.table,
              tableIndex: message.table,
              tables: job.tables.length,
              rowsWritten: rowsBefore[message.table]! + message.rowsWritten,
              totalRows,
              bytesWritten: message.bytesWritten,
            });
            return;
          case 'done':
            return settle(() => resolve(message.files));
          case 'cancelled':
            return settle(() => reject(new ExportCancelledError()));
          case 'error':
            return settle(() => reject(new Error(message.message)));
        }
      };
      post({ type: 'start', jobId, job });
    });
  } finally {
    worker.terminate();
    await Promise.all(slices.map((s) => s.return(undefined)));
    await Promise.all(prepared.map((p) => p.release()));
  }
}
