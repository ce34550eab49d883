import { useState } from 'react';
import { formatCurrency, formatMonth } from '../../format/numbers';
import { useQuery } from '../../hooks/useQuery';
import { useStore } from '../../state/store';
import { downloadCsv } from '../miles/downloadCsv';
import { STEP_LABELS } from './bridge';
import { type BridgeStep, drilldownRowsFromTable, drilldownSql } from './revenueQueries';

interface Props {
  month: string;
  step: BridgeStep;
  onClose(): void;
}

/** The accounts behind one bar of the bridge, with their total (which equals the bar) and a CSV download. */
export function Drilldown({ month, step, onClose }: Props) {
  const filters = useStore((s) => s.filters);
  const queries = useStore((s) => s.queries);
  const sql = drilldownSql(filters, month, step);
  const state = useQuery(sql, 'revenue-drilldown', drilldownRowsFromTable);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const title = `${STEP_LABELS[step]} · ${formatMonth(month)}`;
  const download = () => {
    if (!queries) return;
    setDownloadError(null);
    downloadCsv(queries, sql, `mrr_${step}_${month.slice(0, 7)}.csv`).catch((error: unknown) => setDownloadError(error instanceof Error ? error.message : String(error)));
  };
  return (
    <section className="drilldown" aria-labelledby="drilldown-title" data-testid="revenue-drilldown" data-step={step} data-month={month}>
      <header className="drilldown-header">
        <h3 id="drilldown-title">Accounts: {title}</h3>
        <button type="button" className="secondary" onClick={download} disabled={!queries || state.status !== 'ready'}>
          Download CSV
        </button>{' '}
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </header>
      {downloadError && (
        <p role="alert" className="error">
          Could not export the CSV: {downloadError}
        </p>
      )}
      {state.status === 'loading' && <p className="muted">Loading accounts…</p>}
      {state.status === 'error' && (
        <p role="alert" className="error">
          Could not load the accounts: {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <table data-testid="revenue-drilldown-table">
          <caption>
            {state.data.length.toLocaleString('en-US')} accounts, total{' '}
            <span data-testid="revenue-drilldown-total">{formatCurrency(state.data.reduce((sum, r) => sum + r.amount, 0), { cents: true })}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Company</th>
              <th scope="col">Plan now</th>
              <th scope="col">Region</th>
              <th scope="col">Start MRR</th>
              <th scope="col">End MRR</th>
              <th scope="col">{STEP_LABELS[step]}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((r) => (
              <tr key={r.customerId}>
                <th scope="row" data-col="account">
                  {r.customerId}
                </th>
                <td className="text" data-col="company">
                  {r.companyName}
                </td>
                <td className="text" data-col="plan">
                  {r.plan ?? 'n/a'}
                </td>
                <td className="text" data-col="region">
                  {r.region ?? 'n/a'}
                </td>
                <td data-col="start">{r.startMrr.toFixed(2)}</td>
                <td data-col="end">{r.endMrr.toFixed(2)}</td>
                <td data-col="amount">{r.amount.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
