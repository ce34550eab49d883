import { useEffect, useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { formatCount } from '../../format/numbers';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import { useStore } from '../../state/store';
import { ChartSection } from '../common/ChartSection';
import { QueryStatus } from '../common/QueryStatus';
import { CohortDrilldown } from './CohortDrilldown';
import { RetentionControls } from './RetentionControls';
import { RetentionCurvesSection } from './RetentionCurvesSection';
import { buildRetentionGrid, cohortLabel, formatActive, formatPercent, type RetentionCell, type RetentionGrid, type RetentionLabels, retentionHeatmapOption, retentionLabels } from './retentionHeatmap';
import { martFor, type RetentionOptions, writeRetentionParams } from './retentionOptions';
import { retentionSql } from './retentionQueries';
import { type RetentionRow, retentionRowsFromTable } from './retentionRows';
import { useRetentionStore } from './retentionStore';
import { SurvivalSection } from './SurvivalSection';

/**
 * The tables the view reads (a run builds them first when the view is open, and the view waits
 * for them): the gold marts, and the silver activity grids that weekly and "on or after"
 * retention and the drill-down are computed from.
 */
export const RETENTION_TABLES = [
  'retention_cohorts',
  'cohort_retention',
  'survival_km',
  'survival_summary',
  'survival_logrank',
  'fct_user_days',
  'fct_user_months',
  'fct_subscription_months',
  'dim_customers',
  'stg_users',
] as const;

/** The convention line under the title, for the chosen cohort definition. */
function conventionText(o: RetentionOptions): string {
  const who = o.subject === 'users' ? `user's first activity (an event)` : `account's first month ending with MRR > 0`;
  const what =
    o.measure === 'revenue'
      ? "each cell is the cohort's month-end MRR over its MRR at the end of its first month (can pass 100 % with expansion)"
      : o.convention === 'on'
        ? `each cell is the share of the cohort active in exactly that ${o.grain} ("on" retention)`
        : `each cell is the share of the cohort active in that ${o.grain} or any later one ("on or after", unbounded retention: it can still rise as later activity comes in)`;
  const source = martFor(o) ? `gold ${martFor(o)}` : `computed from the silver ${o.subject === 'users' ? (o.grain === 'week' ? 'fct_user_days' : 'fct_user_months') : 'fct_subscription_months'}`;
  const active = o.subject === 'accounts' ? ' An account is active in a month when it pays at the month end.' : '';
  return `Cohort = ${o.grain} of each ${who}; ${o.grain} 0 is the cohort ${o.grain}; ${what} (${source}).${active} Grey cells start after the as-of date and are censored, not zero; a dashed border marks a ${o.grain} still in progress.`;
}

/** Keeps the controls in the URL while the view is open (another view's link drops them, see urlView). */
function useRetentionUrl(options: RetentionOptions) {
  useEffect(() => {
    const search = writeRetentionParams(options, window.location.search);
    if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
  }, [options]);
}

export function RetentionView() {
  const options = useRetentionStore((s) => s.options);
  const filters = useStore((s) => s.filters);
  useRetentionUrl(options);
  // Always a valid mart name (hooks cannot be conditional); its SQL is only used when the options are in a mart.
  const martSql = useMartSql(martFor(options) ?? 'retention_cohorts');
  const sql = useMemo(() => retentionSql(options, martSql, filters), [options, martSql, filters]);
  const state = useQuery(sql, 'retention-heatmap', retentionRowsFromTable);
  const labels = retentionLabels(options);
  return (
    <section className="view" aria-labelledby="retention-title" aria-busy={state.status === 'loading'} data-testid="retention-view">
      <h2 id="retention-title">Retention</h2>
      <p className="convention">{conventionText(options)}</p>
      <RetentionControls />
      <ChartSection id="retention-cohorts" title={`Retention by ${options.grain}ly ${options.subject === 'users' ? 'user' : 'account'} cohort${options.measure === 'revenue' ? ' (revenue)' : ''}`} note={`Click a cell (or its number in the data table) to list the ${labels.unit}.`}>
        <QueryStatus state={state} what="retention" isEmpty={(rows) => rows.length === 0} emptyMessage="No cohort in the selected data.">
          {(rows) => <Heatmap rows={rows} labels={labels} />}
        </QueryStatus>
      </ChartSection>
      <RetentionCurvesSection state={state} labels={labels} />
      <SurvivalSection />
    </section>
  );
}

function Heatmap({ rows, labels }: { rows: RetentionRow[]; labels: RetentionLabels }) {
  const grid = useMemo(() => buildRetentionGrid(rows), [rows]);
  const option = useMemo(() => retentionHeatmapOption(grid, labels), [grid, labels]);
  const cell = useRetentionStore((s) => s.cell);
  const selectCell = useRetentionStore((s) => s.selectCell);
  const open = (c: RetentionCell) => {
    if (c.periodStart !== null) selectCell({ cohortStart: grid.cohorts[c.cohortIndex]!.start, periodStart: c.periodStart, periodNumber: c.period });
  };
  // The chart's first series holds the coloured cells in grid order: its data index maps back to the cell.
  const coloured = useMemo(() => grid.cells.filter((c) => c.state !== 'censored' && c.rate !== null), [grid]);
  return (
    <>
      <EChart
        chartId="retention-heatmap"
        option={option}
        label={`Retention heatmap of ${labels.period}ly ${labels.unit} cohorts`}
        height={Math.max(320, Math.min(22, 900 / grid.cohorts.length) * grid.cohorts.length + 110)}
        onItemClick={(item) => {
          const c = item.seriesIndex === 0 ? coloured[item.dataIndex] : undefined;
          if (c) open(c);
        }}
      />
      <RetentionTable grid={grid} labels={labels} onOpen={open} />
      {cell && <CohortDrilldown cell={cell} />}
    </>
  );
}

/** The same numbers as an accessible table; each observed cell is a button opening the drill-down. */
function RetentionTable({ grid, labels, onOpen }: { grid: RetentionGrid; labels: RetentionLabels; onOpen(cell: RetentionCell): void }) {
  const byCohort = useMemo(() => {
    const rows = grid.cohorts.map(() => [] as RetentionCell[]);
    for (const cell of grid.cells) rows[cell.cohortIndex]!.push(cell);
    return rows;
  }, [grid]);
  const unit = labels.period === 'month' ? 'months' : 'weeks';
  return (
    <details className="data-table">
      <summary>Data table</summary>
      <table data-testid="retention-table">
        <caption>
          Retention % by cohort (rows) and {unit} since the start (columns){labels.revenue ? '; base = the cohort MRR in its first month' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Cohort</th>
            <th scope="col">{labels.unit === 'users' ? 'Users' : 'Accounts'}</th>
            {Array.from({ length: grid.periods }, (_, p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.cohorts.map((cohort, i) => (
            <tr key={cohort.start} data-cohort={cohort.start}>
              <th scope="row" data-col="cohort">
                {cohortLabel(cohort.start, labels)}
              </th>
              <td data-col="size">{formatCount(cohort.size)}</td>
              {byCohort[i]!.map((cell) => (
                <td
                  key={cell.period}
                  data-col={`p${cell.period}`}
                  data-state={cell.state}
                  data-active={cell.active ?? undefined}
                  title={cell.state === 'censored' ? 'censored' : `${formatActive(cell.active, labels)} ${labels.revenue ? 'MRR' : 'active'}`}
                >
                  {cell.state === 'censored' ? (
                    ''
                  ) : (
                    <button type="button" className="link" aria-label={`List the ${labels.unit} of cohort ${cohortLabel(cohort.start, labels)}, ${labels.period} ${cell.period}`} onClick={() => onOpen(cell)}>
                      {formatPercent(cell.rate)}
                    </button>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
