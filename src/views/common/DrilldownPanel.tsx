import type { ReactNode } from 'react';
import type { QueryState } from '../../hooks/useQuery';
import { CsvDownloadError } from './CsvDownloadError';
import { useCsvDownload } from './downloadCsv';

interface Props<T> {
  /** Prefix of the panel's ids and test ids, e.g. "revenue" gives revenue-drilldown. */
  name: string;
  title: ReactNode;
  state: QueryState<T>;
  /** The rows as a CSV file: the panel's own SQL and a file name. */
  csv: { sql: string; fileName: string };
  /** Extra data-* attributes naming what is drilled into (read by the e2e tests). */
  data: Record<string, string | number>;
  onClose(): void;
  /** What the rows are, for the loading and error messages (default "accounts"). */
  what?: string;
  /** Controls shown in the header before the download button. */
  controls?: ReactNode;
  /** The table of rows, once they are loaded. */
  children(rows: T): ReactNode;
}

/** The accounts or users behind a chart element: a header with CSV download and Close, then their table. */
export function DrilldownPanel<T>({ name, title, state, csv, data, onClose, what = 'accounts', controls, children }: Props<T>) {
  const { download, error, ready } = useCsvDownload();
  const dataAttributes = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]));
  return (
    <section className="drilldown" aria-labelledby={`${name}-drilldown-title`} data-testid={`${name}-drilldown`} {...dataAttributes}>
      <header className="drilldown-header">
        <h3 id={`${name}-drilldown-title`}>{title}</h3>
        {controls}
        <button type="button" className="secondary" onClick={() => download(csv.sql, csv.fileName)} disabled={!ready || state.status !== 'ready'}>
          Download CSV
        </button>{' '}
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </header>
      <CsvDownloadError error={error} />
      {state.status === 'loading' && <p className="muted">Loading {what}…</p>}
      {state.status === 'error' && (
        <p role="alert" className="error">
          Could not load the {what}: {state.message}
        </p>
      )}
      {state.status === 'ready' && children(state.data)}
    </section>
  );
}
