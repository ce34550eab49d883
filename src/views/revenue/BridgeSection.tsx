import { useCallback, useMemo, useState } from 'react';
import { type ChartClick, EChart } from '../../charts/EChart';
import { formatMonth } from '../../format/numbers';
import { ChartSection } from '../common/ChartSection';
import { BRIDGE_STEPS, STEP_LABELS, waterfallBars, waterfallOption } from './bridge';
import { Drilldown } from './Drilldown';
import type { BridgeRow, BridgeStep } from './revenueQueries';

/** The month shown first: the latest complete one (the latest of all when none is complete yet). */
export function defaultBridgeMonth(rows: readonly BridgeRow[]): string | null {
  return (rows.filter((r) => !r.partial).at(-1) ?? rows.at(-1))?.month ?? null;
}

/**
 * One month's MRR bridge as a waterfall; clicking a bar (or its button in the table) lists
 * the accounts behind it.
 */
export function BridgeSection({ rows }: { rows: readonly BridgeRow[] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [drill, setDrill] = useState<{ month: string; step: BridgeStep } | null>(null);
  // A month chosen under other filters may be gone: fall back to the default.
  const month = chosen !== null && rows.some((r) => r.month === chosen) ? chosen : defaultBridgeMonth(rows);
  const row = rows.find((r) => r.month === month) ?? null;
  const option = useMemo(() => (row ? waterfallOption(row) : null), [row]);
  const onItemClick = useCallback(
    (item: ChartClick) => {
      const step = BRIDGE_STEPS[item.dataIndex];
      if (row && step) setDrill({ month: row.month, step });
    },
    [row],
  );
  if (!row || !option) return null;
  const bars = waterfallBars(row);
  return (
    <ChartSection id="revenue-bridge" title="MRR bridge" note="Start MRR (the previous month-end) plus each movement gives the month-end MRR, exactly (monthly_revenue). Click a bar to list its accounts.">
      <label className="month-picker">
        Month
        <select
          value={row.month}
          onChange={(e) => {
            setChosen(e.target.value);
            setDrill(null);
          }}
          data-testid="bridge-month"
        >
          {rows.map((r) => (
            <option key={r.month} value={r.month}>
              {formatMonth(r.month)}
              {r.partial ? ' (in progress)' : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="bridge-layout">
        <div>
          <EChart chartId="revenue-bridge" option={option} label={`MRR bridge for ${formatMonth(row.month)}`} height={340} onItemClick={onItemClick} />
          <details className="data-table" open>
            <summary>Data table</summary>
            <table data-testid="revenue-bridge-table">
              <caption>MRR bridge, {formatMonth(row.month)} (USD)</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Accounts</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((b) => (
                  <tr key={b.step} data-step={b.step}>
                    <th scope="row" data-col="step">
                      {STEP_LABELS[b.step]}
                    </th>
                    <td data-col="amount">{b.signed.toFixed(2)}</td>
                    <td>
                      <button type="button" className="link" onClick={() => setDrill({ month: row.month, step: b.step })} aria-label={`List the accounts of ${STEP_LABELS[b.step]}, ${formatMonth(row.month)}`}>
                        List
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
        {drill && drill.month === row.month ? (
          <Drilldown month={drill.month} step={drill.step} onClose={() => setDrill(null)} />
        ) : (
          <p className="muted">Click a bar, or List in the table, to see the accounts behind a movement.</p>
        )}
      </div>
    </ChartSection>
  );
}
