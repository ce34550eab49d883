import type { RecordBatch } from 'apache-arrow';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { csvBatchBytes, csvHeader } from './csv';
import { type ExcelJsModule, WorkbookBuilder } from './excelWorkbook';
import { parquetChunks, type ParquetWasm } from './parquet';
import type { ExportedFile, ExportJob, ExportTable } from './protocol';
import { readmeMarkdown } from './readme';

/** What the job needs from its runtime: the export worker in the browser, the process in Node. */
export interface ExportRuntime {
  parquet: ParquetWasm;
  loadExcel(): Promise<ExcelJsModule>;
}

export interface JobIo {
  /** The batches of table `index`, in the exact types of its specs, one at a time. */
  batches(index: number): AsyncIterable<RecordBatch>;
  progress(index: number, rowsWritten: number, bytesWritten: number): void;
  /** Throws when the job was cancelled; called between batches. */
  checkCancelled(): void;
}

export const MIME_TYPES = {
  parquet: 'application/vnd.apache.parquet',
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  md: 'text/markdown;charset=utf-8',
} as const;

const encoder = new TextEncoder();

/** The byte chunks of one table's file, counting rows and bytes as they are written. */
async function* tableFile(job: ExportJob, index: number, runtime: ExportRuntime, io: JobIo): AsyncGenerator<Uint8Array, void, void> {
  const table = job.tables[index]!;
  let rows = 0;
  let bytes = 0;
  const counted = async function* (): AsyncGenerator<RecordBatch, void, void> {
    for await (const batch of io.batches(index)) {
      io.checkCancelled();
      rows += batch.numRows;
      yield batch;
    }
  };
  const chunks = job.format === 'parquet' ? parquetChunks(runtime.parquet, counted()) : csvChunksOf(table, counted());
  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    io.progress(index, rows, bytes);
    yield chunk;
  }
  if (rows !== table.rows) throw new Error(`${table.table}: wrote ${rows} rows, expected ${table.rows}`);
  io.progress(index, rows, bytes);
}

async function* csvChunksOf(table: ExportTable, batches: AsyncIterable<RecordBatch>): AsyncGenerator<Uint8Array, void, void> {
  yield encoder.encode(csvHeader(table.headers));
  for await (const batch of batches) yield csvBatchBytes(batch);
}

function fileName(table: ExportTable, format: ExportJob['format']): string {
  return `${table.table}.${format}`;
}

/**
 * Gathers a file's chunks into a Blob as they come: every 16 MB the pending chunks are folded
 * into the Blob built so far, which the browser keeps in its blob storage (a Blob made of
 * Blobs refers to them, it does not copy them). So the worker's own memory holds a few
 * megabytes of a file at a time, never the whole file twice.
 */
export class BlobBuilder {
  private blob = new Blob([]);
  private pending: Uint8Array<ArrayBuffer>[] = [];
  private pendingBytes = 0;

  constructor(private readonly foldBytes = 16 * 1024 * 1024) {}

  push(chunk: Uint8Array): void {
    this.pending.push(chunk as Uint8Array<ArrayBuffer>);
    this.pendingBytes += chunk.byteLength;
    if (this.pendingBytes >= this.foldBytes) this.fold();
  }

  private fold(): void {
    this.blob = new Blob([this.blob, ...this.pending]);
    this.pending = [];
    this.pendingBytes = 0;
  }

  finish(type: string): Blob {
    return new Blob([this.blob, ...this.pending], { type });
  }
}

async function collect(chunks: AsyncIterable<Uint8Array>, type: string): Promise<Blob> {
  const builder = new BlobBuilder();
  for await (const chunk of chunks) builder.push(chunk);
  return builder.finish(type);
}

async function workbook(job: ExportJob, runtime: ExportRuntime, io: JobIo): Promise<ExportedFile> {
  const builder = new WorkbookBuilder(await runtime.loadExcel(), job.tables, job.readme);
  for (let index = 0; index < job.tables.length; index++) {
    let rows = 0;
    for await (const batch of io.batches(index)) {
      io.checkCancelled();
      builder.append(index, batch);
      rows += batch.numRows;
      io.progress(index, rows, 0);
    }
  }
  const bytes = await builder.finish();
  return { name: `${job.name}.xlsx`, mimeType: MIME_TYPES.xlsx, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME_TYPES.xlsx }) };
}

/**
 * A zip streamed as the files are written: Parquet is already compressed (stored as is),
 * CSV and the README are deflated. fflate is used because it streams entries chunk by chunk
 * in a worker with no dependencies (8 kB), so the archive never needs the files whole.
 */
async function zipArchive(job: ExportJob, runtime: ExportRuntime, io: JobIo): Promise<ExportedFile> {
  const output = new BlobBuilder();
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else output.push(data);
  });
  const add = async (name: string, chunks: AsyncIterable<Uint8Array>, compress: boolean) => {
    const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(entry);
    for await (const chunk of chunks) entry.push(chunk);
    entry.push(new Uint8Array(0), true);
    if (failure) throw failure;
  };
  await add('README.md', (async function* () {
    yield encoder.encode(readmeMarkdown(job));
  })(), true);
  for (let index = 0; index < job.tables.length; index++) await add(fileName(job.tables[index]!, job.format), tableFile(job, index, runtime, io), job.format === 'csv');
  zip.end();
  if (failure) throw failure;
  return { name: `${job.name}.zip`, mimeType: MIME_TYPES.zip, blob: output.finish(MIME_TYPES.zip) };
}

/** Runs one export job: the files it produces, or an error (ExcelRowLimitError, a cancellation, ...). */
export async function runExportJob(job: ExportJob, runtime: ExportRuntime, io: JobIo): Promise<ExportedFile[]> {
  if (job.format === 'xlsx') return [await workbook(job, runtime, io)];
  if (job.container === 'zip') return [await zipArchive(job, runtime, io)];
  const mimeType = MIME_TYPES[job.format];
  const files: ExportedFile[] = [];
  if (job.container === 'files') files.push({ name: 'README.md', mimeType: MIME_TYPES.md, blob: new Blob([readmeMarkdown(job)], { type: MIME_TYPES.md }) });
  for (let index = 0; index < job.tables.length; index++) {
    files.push({ name: fileName(job.tables[index]!, job.format), mimeType, blob: await collect(tableFile(job, index, runtime, io), mimeType) });
  }
  return files;
}
