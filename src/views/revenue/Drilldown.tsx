import { formatCurrency, formatMonth } from '../../format/numbers';
import { useQuery } from '../../hooks/useQuery';
import { useStore } from '../../state/store';
import { DrilldownPanel } from '../common/DrilldownPanel';
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
  const sql = drilldownSql(filters, month, step);
  const state = useQuery(sql, 'revenue-drilldown', drilldownRowsFromTable);
  const title = `${STEP_LABELS[step]} · ${formatMonth(month)}`;
  return (
    <DrilldownPanel name="revenue" title={`Accounts: ${title}`} state={state} csv={{ sql, fileName: `mrr_${step}_${month.slice(0, 7)}.csv` }} data={{ step, month }} onClose={onClose}>
      {(rows) => (
        <table data-testid="revenue-drilldown-table">
          <caption>
            {rows.length.toLocaleString('en-US')} accounts, total{' '}
            <span data-testid="revenue-drilldown-total">{formatCurrency(rows.reduce((sum, r) => sum + r.amount, 0), { cents: true })}</span>
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
            {rows.map((r) => (
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
    </DrilldownPanel>
  );
}
