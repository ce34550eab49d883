import type { Table } from 'apache-arrow';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../engine/connector';
import { QueryCancelledError } from '../../engine/queryService';
import { useStore } from '../../state/store';
import { isReadOnly } from './consoleSql';
import { byteToCharOffset, errorOffset, readDuckDbError } from './errorPosition';
import type { RunRequest } from './SqlEditor';

export type ConsoleResult =
  | { status: 'idle' }
  | { status: 'running'; id: number; sql: string; startedAt: number }
  | { status: 'done'; id: number; sql: string; table: Table; elapsedMs: number; readOnly: boolean }
  | { status: 'error'; id: number; sql: string; message: string; errorAt: number | null; elapsedMs: number }
  | { status: 'cancelled'; id: number; sql: string; elapsedMs: number };

/**
 * Runs console statements through the query service, uncached (a console result can be huge
 * and is looked at once), one at a time, each cancellable. A statement that writes drops the
 * views' cached results, as they may read what it changed.
 */
export function useConsoleRun(onFinished: (sql: string) => void) {
  const queries = useStore((s) => s.queries);
  const [result, setResult] = useState<ConsoleResult>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const sequence = useRef(0);

  // Leaving the console cancels its query: nobody would see the result.
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async ({ sql, offset }: RunRequest) => {
      if (!queries || !sql.trim() || controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      const id = ++sequence.current;
      const startedAt = performance.now();
      setResult({ status: 'running', id, sql, startedAt });
      const readOnly = isReadOnly(sql);
      try {
        const table = await queries.queryUncached(sql, abort.signal);
        setResult({ status: 'done', id, sql, table, elapsedMs: performance.now() - startedAt, readOnly });
      } catch (error) {
        const elapsedMs = performance.now() - startedAt;
        if (error instanceof QueryCancelledError) setResult({ status: 'cancelled', id, sql, elapsedMs });
        else {
          const { message, bytePosition } = readDuckDbError(errorMessage(error));
          const at = bytePosition !== null ? byteToCharOffset(sql, bytePosition) : errorOffset(message, sql);
          setResult({ status: 'error', id, sql, message, errorAt: at === null ? null : at + offset, elapsedMs });
        }
      } finally {
        controller.current = null;
        if (!readOnly) queries.invalidate();
        onFinished(sql);
      }
    },
    [queries, onFinished],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { result, run, cancel };
}
