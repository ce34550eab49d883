import { useCallback, useEffect, useRef, useState } from 'react';
import { buildDictionary } from '../dictionary/dictionary';
import { errorMessage } from '../engine/connector';
import { ExportCancelledError, exportInBrowser, type ExportProgress } from '../export/exportClient';
import { type ExportRequest, readmeInfo } from '../export/exportPlan';
import type { ExportSource } from '../export/exportSource';
import { type DirectoryHandle, downloadFile, saveToDirectory } from '../export/saveFiles';
import { SQL_MODELS } from '../pipeline/sqlFiles';
import { useStore } from '../state/store';

const DICTIONARY = buildDictionary(SQL_MODELS);

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; label: string; progress: ExportProgress | null }
  | { status: 'done'; label: string; files: { name: string; bytes: number }[]; ms: number; savedTo: string | null }
  | { status: 'error'; label: string; message: string }
  | { status: 'cancelled'; label: string };

/**
 * One export at a time for the component that owns it: runs it through the query service
 * and the export worker, saves the files (downloads, or into a picked folder), and exposes
 * progress and Cancel.
 */
export function useExport() {
  const queries = useStore((s) => s.queries);
  const params = useStore((s) => s.params);
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = useCallback(
    async (label: string, sources: readonly ExportSource[], request: ExportRequest, directory: DirectoryHandle | null = null) => {
      if (!queries || abort.current) return;
      const controller = new AbortController();
      abort.current = controller;
      const started = performance.now();
      setState({ status: 'running', label, progress: null });
      try {
        const files = await exportInBrowser({ query: (sql) => queries.queryUncached(sql) }, sources, request, {
          dictionary: DICTIONARY,
          readme: readmeInfo(params, new Date()),
          signal: controller.signal,
          onProgress: (progress) => setState({ status: 'running', label, progress }),
        });
        if (directory) await saveToDirectory(directory, files);
        else files.forEach(downloadFile);
        setState({
          status: 'done',
          label,
          files: files.map((f) => ({ name: f.name, bytes: f.blob.size })),
          ms: performance.now() - started,
          savedTo: directory?.name ?? null,
        });
      } catch (error) {
        setState(error instanceof ExportCancelledError ? { status: 'cancelled', label } : { status: 'error', label, message: errorMessage(error) });
      } finally {
        abort.current = null;
      }
    },
    [queries, params],
  );
  const cancel = useCallback(() => abort.current?.abort(), []);
  return { state, start, cancel, ready: queries !== null };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Progress bar with Cancel while an export runs; what was saved, or why not, afterwards. */
export function ExportStatus({ state, onCancel }: { state: ExportState; onCancel: () => void }) {
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    const p = state.progress;
    const share = p && p.totalRows > 0 ? p.rowsWritten / p.totalRows : 0;
    return (
      <div className="export-status" role="status" aria-live="polite">
        <span>
          Exporting {state.label}
          {p ? ` · ${p.table} (${p.tableIndex + 1} of ${p.tables}) · ${p.rowsWritten.toLocaleString('en-US')} of ${p.totalRows.toLocaleString('en-US')} rows` : ' · preparing'}
        </span>
        <progress max={1} value={share} aria-label={`Export of ${state.label}`} />
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (state.status === 'done') {
    return (
      <p className="export-status" role="status">
        {state.savedTo ? `Saved to ${state.savedTo}: ` : 'Downloaded '}
        {state.files.map((f) => `${f.name} (${formatBytes(f.bytes)})`).join(', ')} in {(state.ms / 1000).toFixed(1)} s
      </p>
    );
  }
  if (state.status === 'cancelled') return <p className="export-status" role="status">Export of {state.label} cancelled; nothing was saved.</p>;
  return (
    <p className="export-status error" role="alert">
      Export of {state.label} failed: {state.message}
    </p>
  );
}
