import { useStore } from '../../state/store';
import type { ActiveImport } from './importStore';

const count = (n: number) => n.toLocaleString('en-US');

/** Which views show an analysis on the imported data. */
const ANALYSIS_VIEWS: Record<string, { view: string; label: string }> = {
  retention: { view: 'retention', label: 'Open the retention heatmap' },
  growth: { view: 'growth', label: 'Open growth accounting' },
  revenue: { view: 'import', label: 'Monthly revenue is below' },
  survival: { view: 'retention', label: 'Open survival by segment' },
};

/** What the import kept and set aside (per rule), the rules, the tables built and the analyses. */
export function ImportSummaryPanel({ active }: { active: ActiveImport }) {
  const openView = useStore((s) => s.setView);
  const { summary } = active;
  return (
    <section aria-labelledby="import-summary-title" className="import-summary">
      <h3 id="import-summary-title">Analysed: {active.fileName}</h3>
      <table data-testid="import-summary">
        <caption>Rows read, set aside by each rule (in this order) and kept</caption>
        <tbody>
          <tr>
            <th scope="row">Rows read</th>
            <td>{count(summary.rowsRead)}</td>
          </tr>
          {summary.setAside.map((s) => (
            <tr key={s.reason} data-reason={s.reason}>
              <th scope="row">Set aside: {s.label}</th>
              <td>{count(s.rows)}</td>
            </tr>
          ))}
          <tr data-reason="kept">
            <th scope="row">Rows kept</th>
            <td>{count(summary.rowsKept)}</td>
          </tr>
        </tbody>
      </table>
      <h4>Rules applied</h4>
      <ul data-testid="import-rules">
        {summary.rules.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <h4>Analyses</h4>
      <ul data-testid="import-analyses">
        {summary.analyses.map((a) => (
          <li key={a.analysis} data-available={a.available}>
            {a.label}:{' '}
            {a.available ? (
              ANALYSIS_VIEWS[a.analysis]!.view === 'import' ? (
                ANALYSIS_VIEWS[a.analysis]!.label
              ) : (
                <button type="button" className="link" onClick={() => openView(ANALYSIS_VIEWS[a.analysis]!.view)}>
                  {ANALYSIS_VIEWS[a.analysis]!.label}
                </button>
              )
            ) : (
              <span className="muted">needs {a.needs}</span>
            )}
          </li>
        ))}
      </ul>
      <p className="muted">
        {summary.tables.length} tables built in {(summary.durationMs / 1000).toFixed(1)} s; {summary.checks.filter((c) => c.passed).length} of {summary.checks.length} data-quality checks
        passed{summary.checks.some((c) => !c.passed) ? `: failed ${summary.checks.filter((c) => !c.passed).map((c) => c.name).join(', ')}` : ''}.
      </p>
      <p>
        The same import on the command line (for bigger files, with the native engine):
        <br />
        <code data-testid="import-command">{active.commandLine}</code>
      </p>
    </section>
  );
}
