import type { GeneratorParams } from './params';
import type { RawTableName } from './rawTables';

/**
 * The generator worker's whole protocol, imported by both sides. A worker lives in the page's
 * pool (generatorPool.ts) across runs. A run starts with `generate`, which prepares the run's
 * world (accounts, users, clock); the page then hands the worker units one at a time (`unit`:
 * HEAD_GROUP for the head tables, or a group of accounts), which it makes in the order given,
 * and `end` once the run is over, so the worker drops the run's state. Chunks carry Arrow IPC
 * bytes whose buffer is transferred, never copied. Flow control is credit based: the worker
 * keeps at most `maxInFlight` chunks unacknowledged, so a slow database never makes the page
 * hold the whole dataset twice.
 */
export type GeneratorRequest =
  | { type: 'generate'; requestId: number; params: Partial<GeneratorParams>; maxInFlight: number }
  | { type: 'unit'; requestId: number; group: number }
  | { type: 'ack'; requestId: number }
  | { type: 'cancel'; requestId: number }
  | { type: 'end'; requestId: number };

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type GeneratorResponse =
  | { type: 'chunk'; requestId: number; table: RawTableName; ipc: Uint8Array; rows: number; group: number; lastOfGroup: boolean }
  | { type: 'cancelled'; requestId: number }
  | { type: 'error'; requestId: number; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { name: 'Error', message: String(error) };
}

/** Buffers to transfer with a response (the IPC bytes of a chunk). */
export function transferablesOf(response: GeneratorResponse): Transferable[] {
  return response.type === 'chunk' ? [response.ipc.buffer as ArrayBuffer] : [];
}
