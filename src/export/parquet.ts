import { type RecordBatch, Table, tableToIPC } from 'apache-arrow';

/**
 * The part of parquet-wasm this module uses. The browser passes its ESM build (initialised
 * with a self-hosted wasm file) and Node its Node build, so the writer itself is shared.
 */
export interface ParquetWasm {
  Table: { fromIPCStream(bytes: Uint8Array): { recordBatches(): unknown[] } };
  WriterPropertiesBuilder: new () => PropertiesBuilder;
  Compression: { ZSTD: number };
  EnabledStatistics: { Chunk: number };
  writeParquet(table: never, properties?: never): Uint8Array;
  transformParquetStream(stream: ReadableStream, properties?: never): Promise<ReadableStream>;
}

interface PropertiesBuilder {
  setCompression(c: number): PropertiesBuilder;
  setDictionaryEnabled(enabled: boolean): PropertiesBuilder;
  setStatisticsEnabled(level: number): PropertiesBuilder;
  setMaxRowGroupSize(rows: number): PropertiesBuilder;
  build(): unknown;
}

/**
 * zstd, plain encoding, min/max statistics per column chunk and row groups of 122,880 rows
 * (DuckDB's own size). Measured on the events table: arrow-rs's default dictionary encoding
 * with per-page statistics took 4-5 times as long in wasm and gave a larger file (zstd
 * already shrinks repeated strings well); chunk statistics keep row-group pruning for
 * readers at a fraction of the cost of page ones; and the writer buffers one row group, so
 * smaller groups than its default million rows keep its memory down (and were faster).
 */
function zstdProperties(module: ParquetWasm): never {
  return new module.WriterPropertiesBuilder()
    .setCompression(module.Compression.ZSTD)
    .setDictionaryEnabled(false)
    .setStatisticsEnabled(module.EnabledStatistics.Chunk)
    .setMaxRowGroupSize(122_880)
    .build() as never;
}

/**
 * Arrow to Parquet (zstd), keeping the Arrow types: integers, decimals, dates, timestamps and
 * booleans map to their Parquet logical types (parquet-wasm is arrow-rs underneath).
 */
export function arrowToParquet(module: ParquetWasm, table: Table): Uint8Array {
  const wasmTable = module.Table.fromIPCStream(tableToIPC(table, 'stream'));
  return module.writeParquet(wasmTable as never, zstdProperties(module));
}

/**
 * One Parquet file (zstd) from record batches that arrive one at a time, yielded as byte
 * chunks. arrow-rs's streaming writer pulls the next batch only when it needs one, so a
 * large table is never held whole: at any time there is the batch being encoded, the row
 * group being built (compressed) and the bytes already written. All batches share a schema;
 * there must be at least one (an empty one for an empty table), which gives the file its schema.
 */
export async function* parquetChunks(module: ParquetWasm, batches: AsyncIterable<RecordBatch>): AsyncGenerator<Uint8Array, void, void> {
  const iterator = batches[Symbol.asyncIterator]();
  let sawBatch = false;
  const input = new ReadableStream({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        if (!sawBatch) controller.error(new Error('A Parquet file needs at least one record batch for its schema'));
        else controller.close();
        return;
      }
      sawBatch = true;
      // Through IPC into wasm memory; the JavaScript batch can be collected once copied.
      for (const wasmBatch of module.Table.fromIPCStream(tableToIPC(new Table([next.value]), 'stream')).recordBatches()) controller.enqueue(wasmBatch);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  const output = (await module.transformParquetStream(input, zstdProperties(module))) as ReadableStream<Uint8Array>;
  const reader = output.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
