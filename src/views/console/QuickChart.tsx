import type { Table } from 'apache-arrow';
import { useMemo, useState } from 'react';
import { EChart } from '../../charts/EChart';
import { DataTable } from '../common/DataTable';
import { CHART_ROW_LIMIT, type ChartPoint, chartPoints, defaultSpec, numericColumns, type QuickChartKind, quickChartOption, type QuickChartSpec } from './quickChart';

const KINDS: readonly { kind: QuickChartKind; label: string }[] = [
  { kind: 'bar', label: 'Bar' },
  { kind: 'line', label: 'Line' },
  { kind: 'heatmap', label: 'Heatmap' },
];

type NumberedPoint = ChartPoint & { index: number };

const POINT_COLUMNS = [
  { key: 'x', label: 'x', value: (p: NumberedPoint) => p.x },
  { key: 'y', label: 'y', value: (p: NumberedPoint) => p.y },
  { key: 'value', label: 'value', value: (p: NumberedPoint) => (p.value === null ? 'NULL' : String(p.value)) },
];

/** A chart of the current result in two clicks: a kind and its columns. */
export function QuickChart({ table }: { table: Table }) {
  const names = useMemo(() => table.schema.fields.map((f) => f.name), [table]);
  const numbers = useMemo(() => numericColumns(table), [table]);
  const [spec, setSpec] = useState<QuickChartSpec | null>(() => defaultSpec(table));
  const data = useMemo(() => (spec ? chartPoints(table, spec) : null), [table, spec]);
  const option = useMemo(() => (spec && data ? quickChartOption(data, spec) : null), [spec, data]);
  // x repeats in a line of several series or an unsorted result: rows are keyed by position.
  const numbered = useMemo(() => (data ? data.points.map((p, index) => ({ ...p, index })) : []), [data]);
  if (!spec || !data || !option) return <p className="muted">A chart needs a numeric column in the result.</p>;
  const choose = (patch: Partial<QuickChartSpec>) => setSpec({ ...spec, ...patch });
  const columnSelect = (label: string, key: 'x' | 'y' | 'value', options: readonly string[]) => (
    <label className="field">
      <span>{label}</span>
      <select value={spec[key]} onChange={(e) => choose({ [key]: e.target.value })}>
        {options.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="quick-chart" data-testid="quick-chart">
      <div className="quick-chart-controls">
        <div role="radiogroup" aria-label="Chart kind">
          {KINDS.map(({ kind, label }) => (
            <label key={kind}>
              <input type="radio" name="quick-chart-kind" checked={spec.kind === kind} onChange={() => setSpec(defaultSpec(table, kind) ?? { ...spec, kind })} /> {label}
            </label>
          ))}
        </div>
        {columnSelect('x', 'x', names)}
        {spec.kind === 'heatmap' ? columnSelect('y', 'y', names) : columnSelect('y', 'y', numbers)}
        {spec.kind === 'heatmap' && columnSelect('value', 'value', numbers)}
      </div>
      {data.omitted > 0 && (
        <p className="muted">
          The chart shows the first {CHART_ROW_LIMIT.toLocaleString('en-US')} rows; {data.omitted.toLocaleString('en-US')} more are in the grid.
        </p>
      )}
      <EChart chartId="console-chart" option={option} label={`${spec.kind} chart of the query result`} height={360} />
      <DataTable testId="console-chart-table" caption="Charted points" columns={POINT_COLUMNS} rows={numbered} rowKey={(p) => String(p.index)} />
    </div>
  );
}
