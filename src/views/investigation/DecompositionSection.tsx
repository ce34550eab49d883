import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { formatPercent } from '../../format/numbers';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import { ChartSection } from '../common/ChartSection';
import { DataTable } from '../common/DataTable';
import { QueryStatus } from '../common/QueryStatus';
import { type DecompositionRow, decompositionRowsFromTable, decompositionSql } from './investigationQueries';
import { cents, decompositionSteps, effectGroups, GROUP_LABELS } from './investigationModel';
import { waterfallBars, waterfallOption } from './waterfall';

/** How a factor's base and compare values read: shares as percentages, prices in USD, seats as a number. */
function factorValue(row: DecompositionRow, value: number | null): string {
  if (value === null) return 'n/a';
  if (row.factor === 'price_per_seat') return cents(value);
  if (row.factor === 'avg_seats') return value.toFixed(2);
  return formatPercent(value, 2);
}

/** Why average first-month net revenue of subscription acquisitions changed between the base and compare quarters. */
export function DecompositionSection() {
  const state = useQuery(decompositionSql(useMartSql('first_month_revenue_decomposition')), 'investigation-decomposition', decompositionRowsFromTable);
  const steps = useMemo(() => (state.status === 'ready' ? decompositionSteps(state.data) : null), [state]);
  const option = useMemo(() => (steps ? waterfallOption(steps) : null), [steps]);
  const first = state.status === 'ready' ? state.data[0] : undefined;
  const title = first ? `Why it changed: ${first.baseQuarter} to ${first.compareQuarter}, subscription acquisitions` : 'Why it changed';
  return (
    <ChartSection
      id="investigation-decomposition"
      title={title}
      note="first_month_revenue_decomposition: average first-month net = gross x (1 - discount rate) x (1 - reversal rate), gross = sum over tiers of account share x seats x price per seat. The change is split by a Shapley decomposition over the five factor groups, so the effects add up to it exactly in any order; the table splits each group by tier, discount kind or reversal reason. The date range does not apply: the two quarters are fixed."
    >
      <QueryStatus state={state} what="the decomposition" isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <>
            {option ? (
              <EChart chartId="investigation-decomposition" option={option} label={title} height={320} />
            ) : (
              <p className="muted">No subscription acquisitions in one of the two quarters under the filters: the change cannot be split.</p>
            )}
            {steps && (
              <details className="data-table" open>
                <summary>Effects by factor group</summary>
                <table data-testid="investigation-decomposition-groups">
                  <caption>Average first-month net per account (USD): from the base quarter, each group's effect, to the compare quarter</caption>
                  <thead>
                    <tr>
                      <th scope="col">Step</th>
                      <th scope="col">Amount</th>
                      <th scope="col">Share of the change</th>
                    </tr>
                  </thead>
                  <tbody>
                    {waterfallBars(steps).map((b) => (
                      <tr key={b.key} data-step={b.key}>
                        <th scope="row" data-col="step">
                          {b.label}
                        </th>
                        <td data-col="amount">{cents(b.value)}</td>
                        <td data-col="share">{b.kind === 'change' && first?.totalChange ? formatPercent(b.value / first.totalChange) : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            )}
            <DataTable
              testId="investigation-decomposition-table"
              caption={`Effects by component (${effectGroups(rows).length} groups, ${rows.length} components), USD per account`}
              summary="Effects by component"
              rows={rows}
              rowKey={(r) => `${r.group}|${r.component}`}
              columns={[
                { key: 'component', label: 'Component', value: (r) => `${GROUP_LABELS[r.group]}: ${r.component}` },
                { key: 'group', label: 'Group', value: (r) => r.group },
                { key: 'factor', label: 'Factor', value: (r) => r.factor },
                { key: 'base', label: first?.baseQuarter ?? 'Base', value: (r) => factorValue(r, r.baseValue) },
                { key: 'compare', label: first?.compareQuarter ?? 'Compare', value: (r) => factorValue(r, r.compareValue) },
                { key: 'effect', label: 'Effect', value: (r) => (r.effect === null ? 'n/a' : cents(r.effect)) },
              ]}
            />
          </>
        )}
      </QueryStatus>
    </ChartSection>
  );
}
