import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import type { QueryState } from '../../hooks/useQuery';
import { formatCount } from '../../format/numbers';
import { ChartSection } from '../common/ChartSection';
import { type Column, DataTable } from '../common/DataTable';
import { QueryStatus } from '../common/QueryStatus';
import { type AveragePoint, averageCurve, type CurveMode, retentionCurvesOption } from './retentionCurves';
import { buildRetentionGrid, formatPercent, type RetentionLabels } from './retentionHeatmap';
import type { RetentionRow } from './retentionRows';
import { useRetentionStore } from './retentionStore';

const MODES: readonly { mode: CurveMode; label: string }[] = [
  { mode: 'cohorts', label: 'One line per cohort' },
  { mode: 'average', label: 'Average curve' },
];

/** Retention curves of the heatmap's cohorts, or their size-weighted average curve, with the average in a data table. */
export function RetentionCurvesSection({ state, labels }: { state: QueryState<RetentionRow[]>; labels: RetentionLabels }) {
  const mode = useRetentionStore((s) => s.curveMode);
  const setMode = useRetentionStore((s) => s.setCurveMode);
  return (
    <ChartSection
      id="retention-curves"
      title="Retention curves"
      note={`By ${labels.period}s since the cohort started. The average pools the cohorts that have lived through each ${labels.period} completely, weighted by their ${labels.revenue ? 'MRR' : 'size'}; a hollow point is a ${labels.period} still in progress.`}
    >
      <fieldset className="grain" data-testid="retention-curve-mode">
        <legend>Show</legend>
        {MODES.map((m) => (
          <label key={m.mode}>
            <input type="radio" name="retention-curve-mode" checked={mode === m.mode} onChange={() => setMode(m.mode)} />
            {m.label}
          </label>
        ))}
      </fieldset>
      <QueryStatus state={state} what="retention curves" isEmpty={(rows) => rows.length === 0} emptyMessage="No cohort in the selected data.">
        {(rows) => <Curves rows={rows} mode={mode} labels={labels} />}
      </QueryStatus>
    </ChartSection>
  );
}

function Curves({ rows, mode, labels }: { rows: RetentionRow[]; mode: CurveMode; labels: RetentionLabels }) {
  const grid = useMemo(() => buildRetentionGrid(rows), [rows]);
  const average = useMemo(() => averageCurve(rows), [rows]);
  const option = useMemo(() => retentionCurvesOption(grid, average, mode, labels), [grid, average, mode, labels]);
  const columns = useMemo<Column<AveragePoint>[]>(
    () => [
      { key: 'period', label: labels.period === 'month' ? 'Month' : 'Week', value: (p) => String(p.period) },
      { key: 'rate', label: 'Average retention', value: (p) => formatPercent(p.rate) },
      { key: 'cohorts', label: 'Cohorts averaged', value: (p) => formatCount(p.cohorts) },
    ],
    [labels.period],
  );
  return (
    <>
      <EChart chartId="retention-curves" option={option} label={mode === 'average' ? 'Average retention curve' : 'Retention curve of each cohort'} height={360} />
      <DataTable testId="retention-average-table" caption={`Average retention by ${labels.period}s since the start`} columns={columns} rows={average} rowKey={(p) => String(p.period)} />
    </>
  );
}
