import { useEffect, useMemo } from 'react';
import { useQuery } from '../hooks/useQuery';
import { GRAINS } from '../state/filtersSlice';
import { pendingTables } from '../state/pendingTables';
import { useStore } from '../state/store';
import { linkNotice } from '../state/urlParams';
import { keepKnownValues } from '../state/urlView';
import { FilterChips } from './FilterChips';
import { FilterDates } from './FilterDates';
import { FilterMultiSelect } from './FilterMultiSelect';
import { FILTER_LISTS, FILTER_OPTIONS_SQL, filterOptionsFromTable, type FilterOptions, knownValues } from './filterOptions';

/** The tables the filter options come from (and the filters themselves read at query time). */
const OPTION_TABLES = ['dim_customers', 'stg_users'];

/**
 * The global filters every view honours: date range, the account and user attributes, and
 * the grain. A change re-runs only the open view's queries (filters.ts), never the pipeline.
 */
export function FilterBar() {
  const stages = useStore((s) => s.stages);
  const filters = useStore((s) => s.filters);
  const waiting = useMemo(() => pendingTables(stages, OPTION_TABLES), [stages]);
  return (
    <section className="filter-bar" aria-label="Filters" data-testid="filter-bar">
      {waiting.length > 0 ? <p className="muted">Filters open once {waiting.join(' and ')} are built…</p> : <FilterControls />}
      <FilterChips filters={filters} />
    </section>
  );
}

function FilterControls() {
  const options = useQuery(FILTER_OPTIONS_SQL, 'filter-options', filterOptionsFromTable);
  const filters = useStore((s) => s.filters);
  const grain = useStore((s) => s.grain);
  const params = useStore((s) => s.params);
  const setFilters = useStore((s) => s.setFilters);
  const setGrain = useStore((s) => s.setGrain);
  useDropUnknownValues(options.status === 'ready' ? options.data : null);

  return (
    <div className="filter-controls">
      {params && (
        <FilterDates
          key={`${filters.dateFrom}|${filters.dateTo}`}
          from={filters.dateFrom}
          to={filters.dateTo}
          min={params.windowStart}
          max={params.asOf}
          onChange={(range) => setFilters(range)}
        />
      )}
      {options.status === 'ready' &&
        FILTER_LISTS.map((list) => (
          <FilterMultiSelect
            key={list.key}
            label={list.label}
            unit={list.unit}
            options={options.data[list.key]}
            selected={filters[list.key]}
            onChange={(values) => setFilters({ [list.key]: values })}
          />
        ))}
      {options.status === 'loading' && <span className="muted">Loading filter values…</span>}
      {options.status === 'error' && (
        <span className="error" role="alert">
          Could not load filter values: {options.message}
        </span>
      )}
      <fieldset className="grain" data-testid="grain">
        <legend>Grain</legend>
        {GRAINS.map((g) => (
          <label key={g}>
            <input type="radio" name="grain" value={g} checked={grain === g} onChange={() => setGrain(g)} />
            {g[0]!.toUpperCase() + g.slice(1)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

/**
 * A link can name values this dataset does not have (another seed, a typo): they are dropped
 * once the values are known, and named in the notice like any other ignored link setting.
 */
function useDropUnknownValues(options: FilterOptions | null) {
  const filters = useStore((s) => s.filters);
  const setFilters = useStore((s) => s.setFilters);
  const setNotice = useStore((s) => s.setNotice);
  useEffect(() => {
    if (!options) return;
    const { filters: kept, dropped } = keepKnownValues(filters, knownValues(options));
    if (dropped.length === 0) return;
    setFilters(kept);
    const previous = useStore.getState().notice;
    setNotice([previous, linkNotice(dropped)].filter((n) => n !== null).join(' '));
  }, [options, filters, setFilters, setNotice]);
}
