import { formatCurrency } from '../../format/numbers';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import { DrilldownPanel } from '../common/DrilldownPanel';
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
  return (
    <DrilldownPanel name="investigation" title={`Accounts: ${TYPE_LABELS[type]} · ${quarter}`} state={state} csv={{ sql, fileName: `first_month_${type}_${quarter}.csv` }} data={{ quarter, type }} onClose={onClose}>
      {(rows) => (
        <table data-testid="investigation-drilldown-table">
          <caption>
            {rows.length.toLocaleString('en-US')} accounts, average first-month net{' '}
            <span data-testid="investigation-drilldown-average">{formatCurrency(rows.length > 0 ? rows.reduce((sum, r) => sum + r.net, 0) / rows.length : null, { cents: true })}</span>
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
            {rows.map((r) => (
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
    </DrilldownPanel>
  );
}
