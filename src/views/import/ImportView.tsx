import { type DragEvent, useState } from 'react';
import { importCommandLine } from '../../import/commandLine';
import { megabytes } from '../../import/limits';
import { mappingProblems } from '../../import/roles';
import { delimiterName } from '../../import/sniff';
import { ImportRevenue } from './ImportRevenue';
import { ImportSummaryPanel } from './ImportSummaryPanel';
import { MappingForm } from './MappingForm';
import { analyseStaged, stageFile, returnToGeneratedData } from './importSession';
import { type StagedFile, useImportStore } from './importStore';

/** Bring your own data: pick or drop a file, preview it, map its columns, choose the rules, analyse. */
export function ImportView() {
  const { phase, staged, error, active, kind, mapping, dateFormat, rules } = useImportStore();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void stageFile(file);
  };
  const ready = staged !== null && mappingProblems(kind, mapping, staged.columns).length === 0;
  return (
    <section className="view" aria-labelledby="import-title">
      <h2 id="import-title">Bring your own data</h2>
      <p className="convention">
        Import a CSV, Parquet or Excel (.xlsx) file: say what kind of table it is, which columns play which role, and which cleaning rules apply.
        The app's SQL then runs on it, and the views read the imported data until you go back to the generated data. Nothing leaves your browser.
      </p>
      <div
        className="drop-zone"
        data-testid="import-drop-zone"
        // Inline: the zone's look is this view's alone.
        style={{ border: `2px dashed ${dragging ? 'var(--accent)' : 'var(--notice-border)'}`, borderRadius: 8, padding: '12px 16px', margin: '12px 0' }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop a file here, or</p>
        <label>
          Choose a file{' '}
          <input
            type="file"
            data-testid="import-file"
            accept=".csv,.tsv,.txt,.parquet,.xlsx"
            disabled={phase === 'loading' || phase === 'building'}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void stageFile(file);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {phase === 'loading' && <p className="muted" role="status">Reading the file…</p>}
      {error && (
        <p role="alert" className="error" data-testid="import-error" data-kind={error.kind}>
          {error.message}
        </p>
      )}
      {staged && <StagedPreview staged={staged} />}
      {staged && <MappingForm columns={staged.columns} />}
      {staged && (
        <p className="muted">
          The same on the command line: <code data-testid="import-command-preview">{importCommandLine(staged.name, { kind, mapping, dateFormat, rules }, { delimiter: staged.sniff?.delimiter === ',' ? undefined : staged.sniff?.delimiter, encoding: staged.sniff?.encoding })}</code>
        </p>
      )}
      {staged && (
        <p>
          <button type="button" onClick={() => void analyseStaged()} disabled={!ready || phase === 'building'}>
            Analyse
          </button>{' '}
          {phase === 'building' && <span role="status">Building the marts…</span>}
        </p>
      )}
      {active && (
        <>
          <p>
            <button type="button" onClick={() => void returnToGeneratedData()}>
              Back to the generated data
            </button>
          </p>
          <ImportSummaryPanel active={active} />
          {active.summary.analyses.find((a) => a.analysis === 'revenue')?.available && <ImportRevenue />}
        </>
      )}
    </section>
  );
}

function StagedPreview({ staged }: { staged: StagedFile }) {
  return (
    <section aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">
        {staged.name}: {staged.rows.toLocaleString('en-US')} rows, {staged.columns.length} columns
      </h3>
      <p className="muted" data-testid="import-file-facts">
        {megabytes(staged.size)}, read in {(staged.loadMs / 1000).toFixed(1)} s ({Math.round(staged.rows / Math.max(staged.loadMs / 1000, 0.001)).toLocaleString('en-US')} rows/s)
        {staged.sniff ? `; ${staged.sniff.encoding.toUpperCase()}, ${delimiterName(staged.sniff.delimiter)}-separated` : ''}.
      </p>
      {staged.notes.map((n) => (
        <p key={n} className="notice" data-testid="import-note">
          {n}
        </p>
      ))}
      <div className="table-scroll">
        <table data-testid="import-preview">
          <caption>The first {staged.preview.length} rows</caption>
          <thead>
            <tr>
              {staged.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {staged.preview.map((row, i) => (
              <tr key={i}>
                {row.map((v, j) => (
                  <td key={j}>{v ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
