import { tableToIPC } from 'apache-arrow';
import type { DictionaryEntry } from '../dictionary/dictionary';
import type { ReadmeInfo } from './excelWorkbook';
import { runExportJob, type ExportRuntime } from './exportJob';
import { type ExportRequest, prepareExport, restoreSlice } from './exportPlan';
import { DEFAULT_BATCH_ROWS, type ExportSource, type SqlRunner } from './exportSource';
import type { ExportedFile } from './protocol';

/**
 * The whole export in one thread (Node: the CLI-style tests and the benchmark). Slices still
 * go through Arrow IPC exactly as they are transferred to the browser's export worker.
 */
export async function exportInProcess(
  runner: SqlRunner,
  sources: readonly ExportSource[],
  request: ExportRequest,
  runtime: ExportRuntime,
  options: {
    dictionary: readonly DictionaryEntry[];
    readme: ReadmeInfo;
    batchRows?: number;
    onProgress?: (table: number, rows: number, bytes: number) => void;
    /** Called as each slice is handed over (the benchmark samples memory there). */
    onSlice?: () => void;
  },
): Promise<ExportedFile[]> {
  const { job, prepared } = await prepareExport(runner, sources, request, options.dictionary, options.readme);
  try {
    return await runExportJob(job, runtime, {
      async *batches(index) {
        for await (const slice of prepared[index]!.slices(job.tables[index]!.specs, options.batchRows ?? DEFAULT_BATCH_ROWS)) {
          options.onSlice?.();
          yield* restoreSlice(tableToIPC(slice, 'stream'), job.tables[index]!);
        }
      },
      progress: (table, rows, bytes) => options.onProgress?.(table, rows, bytes),
      checkCancelled: () => undefined,
    });
  } finally {
    await Promise.all(prepared.map((p) => p.release()));
  }
}
