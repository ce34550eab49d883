import { type BundleChoice, BUNDLE_CHOICES } from '../engine/bundleChoice';

const LABELS: Record<BundleChoice, string> = {
  auto: 'Auto (eh where supported, else mvp)',
  eh: 'eh (single thread, wasm exceptions)',
  mvp: 'mvp (single thread, any browser)',
  coi: 'coi (multi-threaded, experimental)',
};

/**
 * The DuckDB build for the next run. The threaded build needs a cross-origin isolated page
 * (the host's COOP/COEP headers), so it is only offered there; a link asking for it elsewhere
 * still falls back with a notice (src/engine/bundleChoice.ts).
 */
export function BundleField({ value, onChange }: { value: BundleChoice; onChange: (choice: BundleChoice) => void }) {
  const isolated = globalThis.crossOriginIsolated === true;
  return (
    <label className="field">
      <span>DuckDB build</span>
      <select name="bundle" value={value} onChange={(e) => onChange(e.target.value as BundleChoice)} aria-describedby="hint-bundle">
        {BUNDLE_CHOICES.map((choice) => (
          <option key={choice} value={choice} disabled={choice === 'coi' && !isolated}>
            {LABELS[choice]}
          </option>
        ))}
      </select>
      <small id="hint-bundle" className="muted">
        {isolated
          ? 'Threads (coi) are available: this page is cross-origin isolated.'
          : 'Threads (coi) need a cross-origin isolated page (COOP/COEP headers); not available here.'}
      </small>
    </label>
  );
}
