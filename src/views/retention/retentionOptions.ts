/**
 * The Retention view's controls: who is followed (users or paying accounts), what is counted
 * (logos or revenue), the cohort grain and the retention convention. Pure, so the URL state
 * and the SQL choice are unit-testable.
 */
export type Subject = 'users' | 'accounts';
export type Measure = 'logo' | 'revenue';
export type CohortGrain = 'month' | 'week';
/** "on": active in exactly that period; "onOrAfter": active in it or any later one (unbounded retention). */
export type Convention = 'on' | 'onOrAfter';

export interface RetentionOptions {
  subject: Subject;
  measure: Measure;
  grain: CohortGrain;
  convention: Convention;
}

export const DEFAULT_RETENTION_OPTIONS: RetentionOptions = { subject: 'users', measure: 'logo', grain: 'month', convention: 'on' };

export const SUBJECTS: readonly Subject[] = ['users', 'accounts'];
export const MEASURES: readonly Measure[] = ['logo', 'revenue'];
export const COHORT_GRAINS: readonly CohortGrain[] = ['month', 'week'];
export const CONVENTIONS: readonly Convention[] = ['on', 'onOrAfter'];

/**
 * Why a choice is unavailable with the others, or null when it is available. Revenue exists
 * for accounts only; account MRR is a month-end snapshot (metrics.md), so account cohorts are
 * monthly; and revenue "on or after" has no meaning (MRR in a later month is not MRR now).
 */
export function unavailableReason(options: RetentionOptions, change: Partial<RetentionOptions>): string | null {
  const next = { ...options, ...change };
  if (next.measure === 'revenue' && next.subject === 'users') return 'Revenue retention is measured on accounts';
  if (next.subject === 'accounts' && next.grain === 'week') return 'Account MRR is a month-end snapshot: account cohorts are monthly';
  if (next.measure === 'revenue' && next.convention === 'onOrAfter') return 'Revenue retention counts the MRR of the period itself';
  return null;
}

/**
 * Applies a change and then fixes the other choices so the result is a valid combination
 * (picking accounts switches weeks to months; picking users switches revenue to logos).
 * The choice just made always wins.
 */
export function withChange(options: RetentionOptions, change: Partial<RetentionOptions>): RetentionOptions {
  const next = { ...options, ...change };
  if (next.subject === 'users' && next.measure === 'revenue') {
    if (change.measure === 'revenue') next.subject = 'accounts';
    else next.measure = 'logo';
  }
  if (next.subject === 'accounts' && next.grain === 'week') {
    if (change.grain === 'week') next.subject = 'users';
    else next.grain = 'month';
  }
  if (next.subject === 'users' && next.measure === 'revenue') next.measure = 'logo';
  if (next.measure === 'revenue' && next.convention === 'onOrAfter') {
    if (change.convention === 'onOrAfter') next.measure = 'logo';
    else next.convention = 'on';
  }
  return next;
}

/** The gold mart holding this combination, or null when the view computes it from silver tables. */
export function martFor(options: RetentionOptions): 'retention_cohorts' | 'cohort_retention' | null {
  if (options.grain !== 'month' || options.convention !== 'on') return null;
  return options.subject === 'users' ? 'retention_cohorts' : 'cohort_retention';
}

/** URL parameters of the controls (written only while the Retention view is open). */
export const RETENTION_PARAMS = ['subject', 'measure', 'cohort', 'convention'] as const;

const URL_CONVENTION: Record<Convention, string> = { on: 'on', onOrAfter: 'on-or-after' };

/** Reads the controls from a query string; a bad value is dropped and named in `problems`. */
export function readRetentionParams(search: string): { options: RetentionOptions; problems: string[] } {
  const query = new URLSearchParams(search);
  const problems: string[] = [];
  const change: Partial<RetentionOptions> = {};
  const pick = <T extends string>(param: string, values: readonly T[], label: (v: T) => string = (v) => v): T | undefined => {
    const raw = query.get(param);
    if (raw === null) return undefined;
    const found = values.find((v) => label(v) === raw);
    if (found === undefined) problems.push(`unknown ${param} "${raw}"`);
    return found;
  };
  const subject = pick('subject', SUBJECTS);
  const measure = pick('measure', MEASURES);
  const grain = pick('cohort', COHORT_GRAINS);
  const convention = pick('convention', CONVENTIONS, (v) => URL_CONVENTION[v]);
  if (subject) change.subject = subject;
  if (measure) change.measure = measure;
  if (grain) change.grain = grain;
  if (convention) change.convention = convention;
  const options = { ...DEFAULT_RETENTION_OPTIONS, ...change };
  if (unavailableReason(options, {}) !== null) {
    problems.push(`the retention settings ${RETENTION_PARAMS.map((p) => query.get(p) ?? '').filter(Boolean).join(', ')} do not go together`);
    return { options: DEFAULT_RETENTION_OPTIONS, problems };
  }
  return { options, problems };
}

/** The query string `base` with the controls written in (only what differs from the defaults). */
export function writeRetentionParams(options: RetentionOptions | null, base: string): string {
  const query = new URLSearchParams(base);
  for (const p of RETENTION_PARAMS) query.delete(p);
  if (options) {
    if (options.subject !== DEFAULT_RETENTION_OPTIONS.subject) query.set('subject', options.subject);
    if (options.measure !== DEFAULT_RETENTION_OPTIONS.measure) query.set('measure', options.measure);
    if (options.grain !== DEFAULT_RETENTION_OPTIONS.grain) query.set('cohort', options.grain);
    if (options.convention !== DEFAULT_RETENTION_OPTIONS.convention) query.set('convention', URL_CONVENTION[options.convention]);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}
