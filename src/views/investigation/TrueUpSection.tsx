import { useMemo, useState } from 'react';
import { EChart } from '../../charts/EChart';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import { ChartSection } from '../common/ChartSection';
import { QueryStatus } from '../common/QueryStatus';
import { ACQUISITION_TYPES, TRUE_UP_SCOPES, type TrueUpScope, TYPE_LABELS, trueUpRowsFromTable, trueUpSql } from './investigationQueries';
import { cents, type TypeChoice, trueUpFor, trueUpSteps } from './investigationModel';
import { waterfallBars, waterfallOption } from './waterfall';

const SCOPE_LABELS: Record<TrueUpScope, string> = { first_invoice: 'First invoices', all_invoices: 'All their invoices' };

interface Props {
  quarters: readonly string[];
  quarter: string;
  type: TypeChoice;
  onChoose(quarter: string, type: TypeChoice): void;
}

/** Seed 004's true-up for one acquisition quarter: gross, minus each discount and reversal, equals net. */
export function TrueUpSection({ quarters, quarter, type, onChoose }: Props) {
  const state = useQuery(trueUpSql(useMartSql('revenue_true_up')), 'investigation-true-up', trueUpRowsFromTable);
  const [scope, setScope] = useState<TrueUpScope>('first_invoice');
  const amounts = useMemo(() => (state.status === 'ready' ? trueUpFor(state.data, quarter, type, scope) : null), [state, quarter, type, scope]);
  const steps = useMemo(() => (amounts ? trueUpSteps(amounts) : null), [amounts]);
  const option = useMemo(() => (steps ? waterfallOption(steps, { rotateLabels: true }) : null), [steps]);
  const who = type === 'all' ? 'all acquisition types' : TYPE_LABELS[type];
  return (
    <ChartSection
      id="investigation-true-up"
      title="Gross to net: the true-up"
      note="revenue_true_up: the gross list value billed, minus each kind of discount and each reason of reversal (counted against the invoice they reverse), equals net to the cent. First invoices in full (the bars above take them pro rata, one month's share), or every invoice the accounts were issued up to the as-of date."
    >
      <div className="actions">
        <label className="month-picker">
          Quarter
          <select value={quarter} onChange={(e) => onChoose(e.target.value, type)} data-testid="true-up-quarter">
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>
        <label className="month-picker">
          Acquired through
          <select value={type} onChange={(e) => onChoose(quarter, e.target.value as TypeChoice)} data-testid="true-up-type">
            <option value="all">All types</option>
            {ACQUISITION_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="month-picker">
          Invoices
          <select value={scope} onChange={(e) => setScope(e.target.value as TrueUpScope)} data-testid="true-up-scope">
            {TRUE_UP_SCOPES.map((s) => (
              <option key={s} value={s}>
                {SCOPE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryStatus state={state} what="the true-up" isEmpty={() => amounts === null} emptyMessage={`No true-up for ${quarter}.`}>
        {() =>
          amounts &&
          steps &&
          option && (
            <>
              <EChart chartId="investigation-true-up" option={option} label={`Gross to net waterfall, ${quarter}, ${who}`} height={340} />
              <details className="data-table">
                <summary>Data table</summary>
                <table data-testid="investigation-true-up-table">
                  <caption>
                    True-up, {quarter}, {who}, {SCOPE_LABELS[scope].toLowerCase()}: {amounts.accounts} accounts, {amounts.invoices} invoices (USD)
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Step</th>
                      <th scope="col">Amount</th>
                      <th scope="col">Running total</th>
                    </tr>
                  </thead>
                  <tbody>
                    {waterfallBars(steps).map((b) => (
                      <tr key={b.key} data-step={b.key}>
                        <th scope="row" data-col="step">
                          {b.label}
                        </th>
                        <td data-col="amount">{cents(b.value)}</td>
                        <td data-col="running">{cents(b.after)}</td>
                      </tr>
                    ))}
                    <tr data-step="price_book_gross">
                      <th scope="row" data-col="step">
                        Gross from the price book
                      </th>
                      <td data-col="amount">{cents(amounts.priceBookGross)}</td>
                      <td data-col="running" />
                    </tr>
                    <tr data-step="true_up_difference">
                      <th scope="row" data-col="step">
                        True-up difference (gross - discounts - reversals - net)
                      </th>
                      <td data-col="amount">{cents(amounts.trueUpDifference)}</td>
                      <td data-col="running" />
                    </tr>
                  </tbody>
                </table>
              </details>
            </>
          )
        }
      </QueryStatus>
    </ChartSection>
  );
}
