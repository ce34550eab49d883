import { type FormEvent, useState } from 'react';
import type { BundleChoice } from '../engine/bundleChoice';
import { estimateRun } from '../generator/estimate';
import { DEFAULT_PARAMS, type GeneratorParams, type ParamError, PRESETS, type PresetName, validateParams } from '../generator/params';
import { BundleField } from './BundleField';

type Draft = Record<keyof GeneratorParams, string>;

interface Field {
  key: keyof GeneratorParams;
  label: string;
  type: 'number' | 'date';
  step?: string;
  hint: string;
}

const FIELDS: readonly Field[] = [
  { key: 'seed', label: 'Seed', type: 'number', step: '1', hint: 'Same seed and settings, same data.' },
  { key: 'accounts', label: 'Accounts', type: 'number', step: '1', hint: 'Customers to simulate.' },
  { key: 'usersPerAccount', label: 'Users per account', type: 'number', step: '0.1', hint: 'Mean users per account.' },
  { key: 'windowStart', label: 'Window start', type: 'date', hint: 'First simulated day.' },
  { key: 'windowEnd', label: 'Window end', type: 'date', hint: 'Last simulated day.' },
  { key: 'asOf', label: 'As of', type: 'date', hint: 'Nothing later is observed.' },
  { key: 'trialConversion', label: 'Trial conversion', type: 'number', step: '0.01', hint: 'Base share of trials that pay (0 to 1).' },
  { key: 'baseChurn', label: 'Base churn', type: 'number', step: '0.005', hint: 'Monthly churn hazard of a paying account.' },
  { key: 'welcomeShareStart', label: 'Welcome offers, year 1', type: 'number', step: '0.05', hint: 'Share of new payers given the offer.' },
  { key: 'welcomeShareEnd', label: 'Welcome offers, later', type: 'number', step: '0.05', hint: 'The same share a year later.' },
  { key: 'dirtRate', label: 'Dirt rate', type: 'number', step: '0.001', hint: 'Share of duplicated events; other dirt scales with it.' },
];

const toDraft = (p: GeneratorParams): Draft => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)])) as Draft;

/** Parses the form; a value that is not a number is reported, never silently replaced. */
function fromDraft(draft: Draft): { params: GeneratorParams; errors: ParamError[] } {
  const errors: ParamError[] = [];
  const params = { ...DEFAULT_PARAMS, preset: draft.preset as PresetName } as GeneratorParams;
  for (const field of FIELDS) {
    const raw = draft[field.key].trim();
    if (field.type === 'date') (params as unknown as Record<string, unknown>)[field.key] = raw;
    else if (raw === '' || !Number.isFinite(Number(raw))) errors.push({ field: field.key, message: `${field.label} must be a number` });
    else (params as unknown as Record<string, unknown>)[field.key] = Number(raw);
  }
  // Unparsable fields keep their defaults here, so the other fields still get checked.
  const unparsed = new Set(errors.map((e) => e.field));
  const all = [...errors, ...validateParams(params).filter((e) => !unparsed.has(e.field))];
  // A size the browser cannot hold is refused before anything starts.
  const estimate = estimateRun(params);
  if (all.length === 0 && estimate.level === 'refuse') all.push({ field: 'accounts', message: estimate.message! });
  return { params, errors: all };
}

/** The size of the run as the form stands: events, memory, and a warning near the limit. */
function EstimateLine({ draft }: { draft: Draft }) {
  const { params, errors } = fromDraft(draft);
  if (errors.some((e) => e.field !== 'accounts')) return null;
  const estimate = estimateRun(params);
  return (
    <p className={estimate.level === 'ok' ? 'muted estimate' : 'error estimate'} data-testid="run-estimate" role={estimate.level === 'ok' ? undefined : 'alert'}>
      {estimate.message ?? `About ${(estimate.events / 1e6).toFixed(1)} M events, ${(estimate.bytes / 2 ** 30).toFixed(1)} GiB of database memory.`}
    </p>
  );
}

/** The generator's settings: change seed, size and the main rates, then regenerate. */
export function SettingsPanel({
  current,
  bundle,
  busy,
  onGenerate,
}: {
  current: GeneratorParams;
  bundle: BundleChoice;
  busy: boolean;
  onGenerate: (params: GeneratorParams, bundle: BundleChoice) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(current));
  const [bundleDraft, setBundleDraft] = useState<BundleChoice>(bundle);
  const [errors, setErrors] = useState<ParamError[]>([]);
  const errorOf = (key: keyof GeneratorParams) => errors.find((e) => e.field === key)?.message;

  const setPreset = (preset: PresetName) => setDraft({ ...draft, preset, accounts: String(PRESETS[preset].accounts), usersPerAccount: String(PRESETS[preset].usersPerAccount) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = fromDraft(draft);
    setErrors(result.errors);
    if (result.errors.length === 0) onGenerate(result.params, bundleDraft);
  };

  return (
    <details className="settings">
      <summary>Generator settings</summary>
      <form onSubmit={submit} aria-label="Generator settings" noValidate>
        <label className="field">
          <span>Size</span>
          <select value={draft.preset} onChange={(e) => setPreset(e.target.value as PresetName)} name="preset">
            {(Object.keys(PRESETS) as PresetName[]).map((p) => (
              <option key={p} value={p}>
                {p} ({PRESETS[p].accounts.toLocaleString('en-US')} accounts)
              </option>
            ))}
          </select>
        </label>
        {FIELDS.map((field) => {
          const error = errorOf(field.key);
          return (
            <label className="field" key={field.key}>
              <span>{field.label}</span>
              <input
                name={field.key}
                type={field.type === 'date' ? 'date' : 'text'}
                inputMode={field.type === 'number' ? 'decimal' : undefined}
                value={draft[field.key]}
                onChange={(e) => setDraft({ ...draft, [field.key]: e.target.value })}
                aria-invalid={error ? true : undefined}
                aria-describedby={`hint-${field.key}`}
              />
              <small id={`hint-${field.key}`} className={error ? 'error' : 'muted'}>
                {error ?? field.hint}
              </small>
            </label>
          );
        })}
        <BundleField value={bundleDraft} onChange={setBundleDraft} />
        <EstimateLine draft={draft} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Generate
          </button>
          <button type="button" className="secondary" onClick={() => { setDraft(toDraft(DEFAULT_PARAMS)); setErrors([]); }}>
            Reset to defaults
          </button>
          {errors.length > 0 && (
            <span role="alert" className="error">
              Fix {errors.length === 1 ? 'the highlighted setting' : `the ${errors.length} highlighted settings`}; nothing was generated.
            </span>
          )}
        </div>
      </form>
    </details>
  );
}
