import type { DuckDBConfig } from '@duckdb/duckdb-wasm';

/**
 * Shared by the browser and Node so both engines return the same JavaScript types:
 * BIGINT results (COUNT(*), SUM of integers) come back as numbers, not BigInt.
 */
export const DUCKDB_CONFIG: DuckDBConfig = {
  query: { castBigIntToDouble: true, castDecimalToDouble: true },
};
