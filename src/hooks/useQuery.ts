import type { Table } from 'apache-arrow';
import { useEffect, useState } from 'react';
import { errorMessage } from '../engine/connector';
import type { QueryService } from '../engine/queryService';
import { StaleQueryError } from '../engine/queryService';
import { useStore } from '../state/store';

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: T };

interface Settled<T> {
  queries: QueryService;
  sql: string;
  state: QueryState<T>;
}

/**
 * Runs `sql` through the query service once the data is ready and maps the Arrow result with
 * `select` (a pure, module-level function, so views stay testable without a DOM). A result
 * belongs to the (service, SQL) it came from; anything else reads as loading.
 */
export function useQuery<T>(sql: string, slot: string, select: (table: Table) => T): QueryState<T> {
  const queries = useStore((s) => s.queries);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  useEffect(() => {
    if (!queries) return;
    let live = true;
    queries.query(sql, slot).then(
      (table) => live && setSettled({ queries, sql, state: { status: 'ready', data: select(table) } }),
      (error: unknown) => {
        if (live && !(error instanceof StaleQueryError)) setSettled({ queries, sql, state: { status: 'error', message: errorMessage(error) } });
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `select` is module-level
  }, [queries, sql, slot]);
  return settled && settled.queries === queries && settled.sql === sql ? settled.state : { status: 'loading' };
}
