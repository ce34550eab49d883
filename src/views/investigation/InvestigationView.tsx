import { useCallback, useMemo, useState } from 'react';
import { type ChartClick, EChart } from '../../charts/EChart';
import { formatCurrency } from '../../format/numbers';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import { ChartSection } from '../common/ChartSection';
import { QueryStatus } from '../common/QueryStatus';
import { AccountsDrilldown } from './AccountsDrilldown';
import { DecompositionSection } from './DecompositionSection';
import { barAt, quarterBarsOption } from './investigationCharts';
import { type AcquisitionType, ACQUISITION_TYPES, type QuarterRow, quarterRowsFromTable, quarterRowsSql, TYPE_LABELS } from './investigationQueries';
import { cents, effectiveQuarter, quartersOf, type TypeChoice } from './investigationModel';
import { TrueUpSection } from './TrueUpSection';

/** What the view reads (the drill-down names the accounts from dim_customers). */
export const INVESTIGATION_TABLES = ['first_month_accounts', 'first_month_net_revenue', 'revenue_true_up', 'first_month_revenue_decomposition', 'dim_customers'];

const amount = (v: number | null) => (v === null ? 'n/a' : cents(v));

/** Seed 004's revenue investigation: why first-month net revenue of subscription acquisitions fell. */
export function InvestigationView() {
  const state = useQuery(quarterRowsSql(useMartSql('first_month_net_revenue')), 'investigation-quarters', quarterRowsFromTable);
  return (
    <section className="view" aria-labelledby="investigation-title" aria-busy={state.status === 'loading'} data-testid="investigation-view">
      <h2 id="investigation-title">Revenue investigation</h2>
      <p className="convention">
        Seed 004: first-month net revenue per account acquired, by the quarter and type of the account&apos;s first invoice (first_month_accounts):
        that invoice recognised pro rata (a k-month invoice counts 1/k of its gross, discounts and reversals), net = gross - discounts -
        reversals. Reversals count whenever they came, up to the as-of date. All figures honour the filters; the date range keeps the
        acquisition quarters that start in it.
      </p>
      <QueryStatus state={state} what="first-month revenue" isEmpty={(rows) => rows.length === 0}>
        {(rows) => <QuarterSections rows={rows} />}
      </QueryStatus>
      <DecompositionSection />
    </section>
  );
}

function QuarterSections({ rows }: { rows: readonly QuarterRow[] }) {
  const [drill, setDrill] = useState<{ quarter: string; type: AcquisitionType } | null>(null);
  const [chosen, setChosen] = useState<{ quarter: string | null; type: TypeChoice }>({ quarter: null, type: 'subscription' });
  const quarters = useMemo(() => quartersOf(rows), [rows]);
  const quarter = effectiveQuarter(chosen.quarter, rows);
  // A drill-down chosen under other filters may point at a quarter that is gone.
  const shownDrill = drill && quarters.includes(drill.quarter) ? drill : null;
  const option = useMemo(() => quarterBarsOption(rows), [rows]);
  const openBar = useCallback((target: { quarter: string; type: AcquisitionType }) => {
    setDrill(target);
    setChosen({ quarter: target.quarter, type: target.type });
  }, []);
  const onItemClick = useCallback(
    (item: ChartClick) => {
      const target = barAt(rows, item.seriesIndex, item.dataIndex);
      if (target) openBar(target);
    },
    [rows, openBar],
  );
  return (
    <>
      <ChartSection
        id="investigation-quarters"
        title="First-month net revenue per account by acquisition quarter"
        note="Average over the accounts acquired (first_month_net_revenue). A quarter still in progress is faded. Click a bar, or List in the table, to see its accounts."
      >
        <div>
          <div>
            <EChart chartId="investigation-quarters" option={option} label="First-month net revenue per account by acquisition quarter and type" height={320} onItemClick={onItemClick} />
            <details className="data-table">
              <summary>Data table</summary>
              <table data-testid="investigation-quarters-table">
                <caption>Average first-month revenue per account (USD) by acquisition quarter and type</caption>
                <thead>
                  <tr>
                    <th scope="col">Quarter</th>
                    <th scope="col">Type</th>
                    <th scope="col">Accounts</th>
                    <th scope="col">Gross</th>
                    <th scope="col">Discounts</th>
                    <th scope="col">Reversals</th>
                    <th scope="col">Net</th>
                    <th scope="col">Accounts list</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.quarter}|${r.type}`} data-partial={r.partial ? 'true' : undefined} style={r.partial ? { fontStyle: 'italic' } : undefined}>
                      <th scope="row" data-col="quarter">
                        {r.quarter}
                        {r.partial ? ' (partial)' : ''}
                      </th>
                      <td className="text" data-col="type">
                        {r.type}
                      </td>
                      <td data-col="accounts">{r.accounts}</td>
                      <td data-col="gross">{amount(r.avgGross)}</td>
                      <td data-col="discounts">{amount(r.avgDiscounts)}</td>
                      <td data-col="reversals">{amount(r.avgReversals)}</td>
                      <td data-col="net">{amount(r.avgNet)}</td>
                      <td>
                        {r.accounts > 0 && (
                          <button type="button" className="link" onClick={() => openBar({ quarter: r.quarter, type: r.type })} aria-label={`List the accounts of ${TYPE_LABELS[r.type]}, ${r.quarter}`}>
                            List
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </div>
          {shownDrill ? (
            <AccountsDrilldown quarter={shownDrill.quarter} type={shownDrill.type} onClose={() => setDrill(null)} />
          ) : (
            <p className="muted">
              Click a bar to see the accounts behind it. Subscription acquisitions in {quarter ?? 'n/a'}:{' '}
              {formatCurrency(rows.find((r) => r.quarter === quarter && r.type === ACQUISITION_TYPES[0])?.avgNet ?? null, { cents: true })} per account.
            </p>
          )}
        </div>
      </ChartSection>
      {quarter && <TrueUpSection quarters={quarters} quarter={quarter} type={chosen.type} onChoose={(q, t) => setChosen({ quarter: q, type: t })} />}
    </>
  );
}
