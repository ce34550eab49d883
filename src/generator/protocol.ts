import type { DatasetShare } from './groups';
import type { GeneratorParams } from './params';
import type { RawTableName } from './rawTables';

/**
 * The generator worker's whole protocol, imported by both sides. Chunks carry Arrow IPC
 * bytes whose buffer is transferred, never copied. Flow control is credit based: the worker
 * keeps at most `maxInFlight` chunks unacknowledged, so a slow database never makes the
 * page hold the whole dataset twice. Several workers may share a run (`share`); the page
 * merges their chunks group by group (groups.ts).
 */
export type GeneratorRequest =
  | { type: 'generate'; requestId: number; params: Partial<GeneratorParams>; share: DatasetShare; maxInFlight: number }
  | { type: 'ack'; requestId: number }
  | { type: 'cancel'; requestId: number };

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type GeneratorResponse =
  | { type: 'chunk'; requestId: number; table: RawTableName; ipc: Uint8Array; rows: number; progress: number; group: number; lastOfGroup: boolean; elapsedMs: number }
  | { type: 'done'; requestId: number; rows: Record<RawTableName, number>; elapsedMs: number }
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
