import type { ExportFormat } from '../export/protocol';
import type { ExportSource } from '../export/exportSource';
import { ExportStatus, useExport } from './ExportStatus';

const FORMATS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'parquet', label: 'Parquet' },
  { format: 'xlsx', label: 'Excel' },
];

function sourceName(source: ExportSource): string {
  return 'table' in source ? source.table : source.name;
}

/**
 * Export buttons for one table or query result (CSV, Parquet, Excel), written in the browser
 * by the export worker, with progress and Cancel. Embed it beside any table a view shows:
 * `<ExportMenu source={{ table: 'clv_inputs' }} />` or `<ExportMenu source={{ sql, name: 'drill_down' }} />`.
 */
export function ExportMenu({ source }: { source: ExportSource }) {
  const { state, start, cancel, ready } = useExport();
  const name = sourceName(source);
  return (
    <div className="export-menu" role="group" aria-label={`Export ${name}`}>
      <span className="muted">Export</span>
      {FORMATS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          className="chip"
          disabled={!ready || state.status === 'running'}
          onClick={() => void start(`${name} as ${label}`, [source], { format, container: 'file', name })}
        >
          {label}
        </button>
      ))}
      <ExportStatus state={state} onCancel={cancel} />
    </div>
  );
}
