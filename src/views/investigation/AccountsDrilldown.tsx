import { useState } from 'react';
import { formatCurrency } from '../../format/numbers';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import { useStore } from '../../state/store';
import { downloadCsv } from '../miles/downloadCsv';
import { cents } from './investigationModel';
import { type AcquisitionType, drilldownRowsFromTable, drilldownSql, TYPE_LABELS } from './investigationQueries';

interface Props {
  quarter: string;
  type: AcquisitionType;
  onClose(): void;
}

const money = cents;

/** The accounts behind one bar, whose average first-month net is the bar, with a CSV download. */
export function AccountsDrilldown({ quarter, type, onClose }: Props) {
  const sql = drilldownSql(useMartSql('first_month_accounts'), quarter, type);
  const state = useQuery(sql, 'investigation-drilldown', drilldownRowsFromTable);
  const queries = useStore((s) => s.queries);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = () => {
    if (!queries) return;
    setDownloadError(null);
    downloadCsv(queries, sql, `first_month_${type}_${quarter}.csv`).catch((error: unknown) => setDownloadError(error instanceof Error ? error.message : String(error)));
  };
  const average = state.status === 'ready' && state.data.length > 0 ? state.data.reduce((s, r) => s + r.net, 0) / state.data.length : null;
  return (
    <section className="drilldown" aria-labelledby="investigation-drilldown-title" data-testid="investigation-drilldown" data-quarter={quarter} data-type={type}>
      <header className="drilldown-header">
        <h3 id="investigation-drilldown-title">
          Accounts: {TYPE_LABELS[type]} · {quarter}
        </h3>
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
        <table data-testid="investigation-drilldown-table">
          <caption>
            {state.data.length.toLocaleString('en-US')} accounts, average first-month net{' '}
            <span data-testid="investigation-drilldown-average">{formatCurrency(average, { cents: true })}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Company</th>
              <th scope="col">Plan</th>
              <th scope="col">Seats</th>
              <th scope="col">Discount</th>
              <th scope="col">Months billed</th>
              <th scope="col">Gross</th>
              <th scope="col">Discounts</th>
              <th scope="col">Reversals</th>
              <th scope="col">Net</th>
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
                  {r.tier ? `${r.tier} (${r.billingPeriod ?? 'n/a'})` : 'n/a'}
                </td>
                <td data-col="seats">{r.seats ?? 'n/a'}</td>
                <td className="text" data-col="discount">
                  {r.discountKind ?? 'none'}
                </td>
                <td data-col="months">{r.monthsCovered}</td>
                <td data-col="gross">{money(r.gross)}</td>
                <td data-col="discounts">{money(r.discounts)}</td>
                <td data-col="reversals">{money(r.reversals)}</td>
                <td data-col="net">{money(r.net)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
