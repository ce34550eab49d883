import { useMemo } from 'react';
import type { DictionaryEntry } from '../dictionary/dictionary';
import { TABLEAU_MARTS } from '../export/tableau';
import { canPickDirectory, pickDirectory } from '../export/saveFiles';
import { useStore } from '../state/store';
import { ExportStatus, useExport } from './ExportStatus';

/** seed 000's clv_inputs_v1.1.xlsx: the CLV inputs with the marts an analyst reads beside them. */
const CLV_WORKBOOK = ['clv_inputs', 'monthly_revenue', 'cohort_retention', 'monthly_funnel'];

/**
 * Whole-dataset exports: every gold mart at once (one zip, or straight into a folder where
 * the browser allows it), seed 000's Tableau-ready marts with clean column names, and its
 * CLV workbook. Waits until the run has built every table.
 */
export function ExportAllMarts({ entries }: { entries: readonly DictionaryEntry[] }) {
  const { state, start, cancel, ready } = useExport();
  const checking = useStore((s) => s.checking);
  const gold = useMemo(() => entries.filter((e) => e.layer === 'gold').map((e) => ({ table: e.name })), [entries]);
  const busy = !ready || checking || state.status === 'running';
  const toFolder = async () => {
    let directory;
    try {
      directory = await pickDirectory();
    } catch {
      return; // the user closed the picker
    }
    await start('gold marts to a folder', gold, { format: 'parquet', container: 'files', name: 'gold_marts' }, directory);
  };
  return (
    <section className="export-all" aria-label="Export all gold marts">
      <h3>Export</h3>
      <p className="muted">
        Files are written in this browser; nothing is uploaded.{checking ? ' Available once every table is built.' : ''}
      </p>
      <div className="export-menu">
        <button type="button" disabled={busy} onClick={() => void start('all gold marts (Parquet)', gold, { format: 'parquet', container: 'zip', name: 'gold_marts_parquet' })}>
          All gold marts · Parquet zip
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void start('all gold marts (CSV)', gold, { format: 'csv', container: 'zip', name: 'gold_marts_csv' })}>
          All gold marts · CSV zip
        </button>
        {canPickDirectory() && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void toFolder()}>
            All gold marts · Parquet to a folder…
          </button>
        )}
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() =>
            void start('Tableau-ready marts', TABLEAU_MARTS.map((table) => ({ table })), { format: 'csv', container: 'zip', name: 'tableau_ready', cleanNames: true })
          }
        >
          Tableau-ready (seed 000) · CSV zip
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void start('CLV workbook', CLV_WORKBOOK.map((table) => ({ table })), { format: 'xlsx', container: 'file', name: 'clv_inputs' })}
        >
          CLV inputs workbook (seed 000) · Excel
        </button>
      </div>
      <ExportStatus state={state} onCancel={cancel} />
    </section>
  );
}
