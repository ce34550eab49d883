import { type Table, tableToIPC } from 'apache-arrow';

/**
 * The part of parquet-wasm this module uses. The browser passes its ESM build (initialised
 * with a self-hosted wasm file) and Node its Node build, so the writer itself is shared.
 */
export interface ParquetWasm {
  Table: { fromIPCStream(bytes: Uint8Array): unknown };
  WriterPropertiesBuilder: new () => { setCompression(c: number): { build(): unknown } };
  Compression: { ZSTD: number };
  writeParquet(table: never, properties?: never): Uint8Array;
}

/**
 * Arrow to Parquet (zstd), keeping the Arrow types: integers, decimals, dates, timestamps and
 * booleans map to their Parquet logical types (parquet-wasm is arrow-rs underneath).
 */
export function arrowToParquet(module: ParquetWasm, table: Table): Uint8Array {
  const wasmTable = module.Table.fromIPCStream(tableToIPC(table, 'stream'));
  const properties = new module.WriterPropertiesBuilder().setCompression(module.Compression.ZSTD).build();
  return module.writeParquet(wasmTable as never, properties as never);
}
