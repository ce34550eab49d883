import type { Filters } from '../pipeline/filters';
import { useStore } from '../state/store';
import { filterChips } from './filterOptions';

/** The active filters as removable chips, with Clear: what the charts show is always visible. */
export function FilterChips({ filters }: { filters: Filters }) {
  const setFilters = useStore((s) => s.setFilters);
  const clearFilters = useStore((s) => s.clearFilters);
  const chips = filterChips(filters);
  return (
    <div className="filter-chips" aria-live="polite" data-testid="filter-chips">
      {chips.length === 0 ? (
        <span className="muted">No filters: all accounts, the whole window.</span>
      ) : (
        <ul aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.id}>
              <button type="button" className="chip" aria-label={`Remove filter ${chip.label}`} onClick={() => setFilters(chip.without)}>
                {chip.label} <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="secondary" onClick={clearFilters} disabled={chips.length === 0}>
        Clear
      </button>
    </div>
  );
}
