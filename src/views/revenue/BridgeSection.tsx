import { useCallback, useMemo } from 'react';
import { type ChartClick, EChart } from '../../charts/EChart';
import { formatMonth } from '../../format/numbers';
import { useStore } from '../../state/store';
import { ChartSection } from '../common/ChartSection';
import { BRIDGE_STEPS, STEP_LABELS, waterfallBars, waterfallOption } from './bridge';
import { Drilldown } from './Drilldown';
import type { BridgeRow } from './revenueQueries';

/** The month shown first: the latest complete one (the latest of all when none is complete yet). */
export function defaultBridgeMonth(rows: readonly BridgeRow[]): string | null {
  return (rows.filter((r) => !r.partial).at(-1) ?? rows.at(-1))?.month ?? null;
}

/**
 * One month's MRR bridge as a waterfall; clicking a bar (or its button in the table) lists
 * the accounts behind it. The month and the bar are kept in the store, so the URL holds them.
 */
export function BridgeSection({ rows }: { rows: readonly BridgeRow[] }) {
  const selection = useStore((s) => s.bridge);
  const setBridge = useStore((s) => s.setBridge);
  // A month chosen under other filters (or from a link) may not be there: fall back to the default.
  const chosen = selection.month !== null && rows.some((r) => r.month === selection.month) ? selection.month : null;
  const month = chosen ?? defaultBridgeMonth(rows);
  const row = rows.find((r) => r.month === month) ?? null;
  const drill = row && selection.step !== null ? { month: row.month, step: selection.step } : null;
  const option = useMemo(() => (row ? waterfallOption(row) : null), [row]);
  const onItemClick = useCallback(
    (item: ChartClick) => {
      const step = BRIDGE_STEPS[item.dataIndex];
      if (row && step) setBridge({ month: row.month, step });
    },
    [row, setBridge],
  );
  if (!row || !option) return null;
  const bars = waterfallBars(row);
  return (
    <ChartSection id="revenue-bridge" title="MRR bridge" note="Start MRR (the previous month-end) plus each movement gives the month-end MRR, exactly (monthly_revenue). Click a bar to list its accounts.">
      <label className="month-picker">
        Month
        <select
          value={row.month}
          onChange={(e) => setBridge({ month: e.target.value, step: null })}
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
                      <button type="button" className="link" onClick={() => setBridge({ month: row.month, step: b.step })} aria-label={`List the accounts of ${STEP_LABELS[b.step]}, ${formatMonth(row.month)}`}>
                        List
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
        {drill ? (
          <Drilldown month={drill.month} step={drill.step} onClose={() => setBridge({ month: chosen, step: null })} />
        ) : (
          <p className="muted">Click a bar, or List in the table, to see the accounts behind a movement.</p>
        )}
      </div>
    </ChartSection>
  );
}
