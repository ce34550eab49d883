import { type Convention, CONVENTIONS, type CohortGrain, COHORT_GRAINS, type Measure, MEASURES, type RetentionOptions, type Subject, SUBJECTS } from './retentionOptions';
import { useRetentionStore } from './retentionStore';

const SUBJECT_LABEL: Record<Subject, string> = { users: 'Users', accounts: 'Accounts' };
const MEASURE_LABEL: Record<Measure, string> = { logo: 'Logos (count)', revenue: 'Revenue (MRR)' };
const GRAIN_LABEL: Record<CohortGrain, string> = { month: 'Month', week: 'Week' };
const CONVENTION_LABEL: Record<Convention, string> = { on: 'On', onOrAfter: 'On or after' };

interface GroupProps<T extends string> {
  name: string;
  legend: string;
  values: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange(value: T): void;
}

/** A radio group: Tab reaches it, the arrow keys move between its choices (the browser's own radio behaviour). */
function RadioGroup<T extends string>({ name, legend, values, labels, value, onChange }: GroupProps<T>) {
  return (
    <fieldset className="grain" data-testid={`retention-${name}`}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}>
          <input type="radio" name={`retention-${name}`} value={v} checked={value === v} onChange={() => onChange(v)} />
          {labels[v]}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The cohort definition: subject, measure, grain and convention. A choice that does not go
 * with the others adjusts them (revenue is for accounts, account cohorts are monthly,
 * revenue has no "on or after"), as the note under the controls says.
 */
export function RetentionControls() {
  const options = useRetentionStore((s) => s.options);
  const change = useRetentionStore((s) => s.change);
  const set = (patch: Partial<RetentionOptions>) => change(patch);
  return (
    <div role="group" aria-label="Retention settings" className="filter-controls" style={{ display: 'flex', flexWrap: 'wrap', gap: '8px 20px', margin: '8px 0' }}>
      <RadioGroup name="subject" legend="Cohort of" values={SUBJECTS} labels={SUBJECT_LABEL} value={options.subject} onChange={(subject) => set({ subject })} />
      <RadioGroup name="measure" legend="Measure" values={MEASURES} labels={MEASURE_LABEL} value={options.measure} onChange={(measure) => set({ measure })} />
      <RadioGroup name="grain" legend="Cohort grain" values={COHORT_GRAINS} labels={GRAIN_LABEL} value={options.grain} onChange={(grain) => set({ grain })} />
      <RadioGroup name="convention" legend="Active" values={CONVENTIONS} labels={CONVENTION_LABEL} value={options.convention} onChange={(convention) => set({ convention })} />
      <p className="muted" style={{ flexBasis: '100%', margin: 0, fontSize: '0.85rem' }}>
        Revenue is measured on accounts; account cohorts are monthly (MRR is a month-end snapshot); revenue retention counts the period's own MRR, so
        it has no "on or after".
      </p>
    </div>
  );
}
