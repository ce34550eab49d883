import { Fragment, useMemo, useState } from 'react';
import { formatCount } from '../../format/numbers';
import type { CheckStatus } from '../../pipeline/runner';
import { type CheckFilter, filterChecks, nextSort, parseSample, type Sort, type SortKey, sortChecks, STATUS_LABELS } from './qualityModel';
import { CHECK_STATUSES, type CheckRow } from './qualityQueries';

const COLUMNS: readonly { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Check' },
  { key: 'model', label: 'Model' },
  { key: 'status', label: 'Status' },
  { key: 'failingRows', label: 'Failing rows' },
  { key: 'durationMs', label: 'Duration (ms)' },
];

interface Props {
  rows: readonly CheckRow[];
  descriptions: ReadonlyMap<string, string>;
}

/** Every check, filterable by status and by words of its or its model's name, sortable by any column, with its sample rows. */
export function CheckTable({ rows, descriptions }: Props) {
  const [filter, setFilter] = useState<CheckFilter>({ status: 'all', search: '' });
  const [sort, setSort] = useState<Sort>({ key: 'status', direction: 'ascending' });
  // Checks whose sample is toggled away from the default (open for warnings and failures).
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const shown = useMemo(() => sortChecks(filterChecks(rows, filter), sort), [rows, filter, sort]);
  const isOpen = (r: CheckRow) => r.failingRows > 0 && (r.status !== 'pass') !== toggled.has(r.name);
  const toggle = (name: string) =>
    setToggled((current) => {
      const next = new Set(current);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  return (
    <>
      <div className="actions" role="search" aria-label="Filter the checks">
        <label className="month-picker">
          Status
          <select value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as CheckStatus | 'all' })} data-testid="quality-status-filter">
            <option value="all">All</option>
            {CHECK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="month-picker">
          Search
          <input type="search" value={filter.search} placeholder="check or model name" onChange={(e) => setFilter({ ...filter, search: e.target.value })} data-testid="quality-search" />
        </label>
        <span className="muted" aria-live="polite" data-testid="quality-shown">
          {shown.length} of {rows.length} checks
        </span>
      </div>
      <table className="data-table" data-testid="quality-checks-table">
        <caption>Data-quality checks (dq_results)</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th scope="col" key={c.key} aria-sort={sort.key === c.key ? sort.direction : undefined}>
                <button type="button" className="link" onClick={() => setSort(nextSort(sort, c.key))}>
                  {c.label}
                  {sort.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
            <th scope="col">Sample</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <Fragment key={r.name}>
              <tr data-check={r.name} data-status={r.status}>
                <th scope="row" data-col="check" className="text" style={{ textAlign: 'left' }}>
                  <code>{r.name}</code>
                  <br />
                  <small className="muted" data-col="description">
                    {descriptions.get(r.name) ?? 'No description.'}
                  </small>
                </th>
                <td className="text" data-col="model">
                  {r.model ?? 'n/a'}
                </td>
                <td className="text" data-col="status">
                  {r.status}
                  {r.severity === 'warn' && r.status === 'pass' ? ' (warn level)' : ''}
                </td>
                <td data-col="failing">{formatCount(r.failingRows)}</td>
                <td data-col="duration">{r.durationMs.toFixed(1)}</td>
                <td>
                  {r.failingRows > 0 && (
                    <button type="button" className="link" aria-expanded={isOpen(r)} aria-controls={`sample-${r.name}`} onClick={() => toggle(r.name)}>
                      {isOpen(r) ? 'Hide' : 'Show'} sample
                    </button>
                  )}
                </td>
              </tr>
              {isOpen(r) && (
                <tr id={`sample-${r.name}`}>
                  <td colSpan={COLUMNS.length + 1} className="text" style={{ textAlign: 'left' }}>
                    <SampleRows check={r} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}

function SampleRows({ check }: { check: CheckRow }) {
  const sample = useMemo(() => parseSample(check.sample), [check.sample]);
  if ('error' in sample) return <p className="error">Cannot show the sample: {sample.error}.</p>;
  return (
    // A sample may have dozens of wide columns: it scrolls inside the page's width instead of widening the check table.
    <div style={{ overflowX: 'auto', maxWidth: 'calc(100vw - 120px)' }}>
      <table data-testid={`quality-sample-${check.name}`}>
        <caption>
          {sample.rows.length} of {formatCount(check.failingRows)} failing rows of {check.name}
        </caption>
        <thead>
          <tr>
            {sample.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sample.rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((cell, j) => (
                <td key={sample.columns[j]} data-col={sample.columns[j]} className="text" style={{ maxWidth: '28em', overflowWrap: 'anywhere', verticalAlign: 'top', textAlign: 'left' }}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
