import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { FilterOption } from './filterOptions';
import { toggleValue } from './filterOptions';

interface Props {
  label: string;
  unit: string;
  options: readonly FilterOption[];
  selected: readonly string[];
  onChange(values: string[]): void;
}

/**
 * A multi-select as a disclosure of checkboxes: native elements, so Tab, Space and Enter work
 * and screen readers announce the state without extra ARIA. Escape or a click elsewhere
 * closes it, as a dropdown would.
 */
export function FilterMultiSelect({ label, unit, options, selected, onChange }: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      const el = details.current;
      if (el?.open && !el.contains(event.target as Node)) el.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDetailsElement>) => {
    const el = details.current;
    if (event.key !== 'Escape' || !el?.open) return;
    el.open = false;
    el.querySelector('summary')?.focus();
  };
  return (
    <details ref={details} className="filter-select" data-filter={label.toLowerCase()} onKeyDown={onKeyDown}>
      <summary>
        {label}
        {selected.length > 0 && <span className="badge">{selected.length}</span>}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{label}</legend>
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" value={o.value} checked={selected.includes(o.value)} onChange={() => onChange(toggleValue(selected, o.value))} />
            {o.value}{' '}
            <small className="muted">
              {o.count.toLocaleString('en-US')} {unit}
            </small>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
