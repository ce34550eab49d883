import { useState } from 'react';
import { isCalendarDate } from '../state/urlView';

interface Props {
  from: string | null;
  to: string | null;
  /** Bounds of the data (the generator window and the as-of date). */
  min: string;
  max: string;
  onChange(range: { dateFrom: string | null; dateTo: string | null }): void;
}

/**
 * The date range, inclusive. A range that ends before it starts is not applied; the message
 * says why. The parent remounts this with a key when the applied range changes elsewhere
 * (a chip removed, Clear), which resets the drafts.
 */
export function FilterDates({ from, to, min, max, onChange }: Props) {
  const [draft, setDraft] = useState({ from: from ?? '', to: to ?? '' });
  const [error, setError] = useState<string | null>(null);
  const update = (next: { from: string; to: string }) => {
    setDraft(next);
    const dateFrom = isCalendarDate(next.from) ? next.from : null;
    const dateTo = isCalendarDate(next.to) ? next.to : null;
    if (dateFrom !== null && dateTo !== null && dateFrom > dateTo) {
      setError('The range ends before it starts.');
      return;
    }
    setError(null);
    onChange({ dateFrom, dateTo });
  };
  return (
    <fieldset className="filter-dates">
      <legend className="visually-hidden">Date range</legend>
      <label className="field">
        From
        <input type="date" value={draft.from} min={min} max={max} aria-invalid={error !== null} onChange={(e) => update({ ...draft, from: e.target.value })} data-testid="filter-from" />
      </label>
      <label className="field">
        To
        <input type="date" value={draft.to} min={min} max={max} aria-invalid={error !== null} onChange={(e) => update({ ...draft, to: e.target.value })} data-testid="filter-to" />
      </label>
      {error && (
        <small className="error" role="alert">
          {error}
        </small>
      )}
    </fieldset>
  );
}
