import { useState } from 'react';
import { useStore } from '../../state/store';
import type { QueryService } from '../../engine/queryService';
import { csvChunks, selectAsText } from '../../export/csv';

/**
 * Saves the rows of `sql` as a CSV file. DuckDB prints every value as text first, so dates are
 * ISO and numbers exact; the file is assembled from chunks, never one giant string.
 */
export async function downloadCsv(queries: QueryService, sql: string, fileName: string): Promise<void> {
  const table = await queries.query(selectAsText(sql));
  const blob = new Blob([...csvChunks(table)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later, not at once: some browsers read the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

/** A CSV download for a view: the function to start one and the message of the last failure. */
export function useCsvDownload(): { download(sql: string, fileName: string): void; error: string | null; ready: boolean } {
  const queries = useStore((s) => s.queries);
  const [error, setError] = useState<string | null>(null);
  const download = (sql: string, fileName: string) => {
    if (!queries) return;
    setError(null);
    downloadCsv(queries, sql, fileName).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return { download, error, ready: queries !== null };
}
