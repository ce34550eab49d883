import { parseIsoDate } from './calendar';

export type PresetName = 'tiny' | 'demo' | 'large';

export interface GeneratorParams {
  seed: number;
  preset: PresetName;
  /** Number of accounts (customers); defaults from the preset. */
  accounts: number;
  /** Mean users per account; defaults from the preset. */
  usersPerAccount: number;
  /** First day of the simulated window, ISO date. */
  windowStart: string;
  /** Last day of the simulated window, ISO date (inclusive). */
  windowEnd: string;
  /** The "as of" date: nothing after it is observed; later periods are censored. */
  asOf: string;
  /** Base share of trials that convert to paid (before channel and activation effects). */
  trialConversion: number;
  /** Base monthly churn hazard of a paying account (before the story 3 drivers). */
  baseChurn: number;
  /** Share of new paid accounts given the welcome offer in the window's first year. */
  welcomeShareStart: number;
  /** The same share a year later and after (story 6: it rises). */
  welcomeShareEnd: number;
  /** Share of duplicated events; the other kinds of dirt scale with it (0 = clean sources). */
  dirtRate: number;
}

export const PRESETS: Readonly<Record<PresetName, { accounts: number; usersPerAccount: number }>> = {
  tiny: { accounts: 300, usersPerAccount: 3 },
  demo: { accounts: 10_000, usersPerAccount: 3 },
  // About 10.6 M events: the most the browser's 4 GiB wasm heap holds through the pipeline.
  large: { accounts: 50_000, usersPerAccount: 3 },
};

export const DEFAULT_PARAMS: GeneratorParams = {
  seed: 42,
  preset: 'demo',
  ...PRESETS.demo,
  windowStart: '2024-01-01',
  windowEnd: '2025-12-31',
  asOf: '2025-12-31',
  trialConversion: 0.45,
  baseChurn: 0.03,
  welcomeShareStart: 0.2,
  welcomeShareEnd: 0.65,
  dirtRate: 0.005,
};

export const MAX_ACCOUNTS = 2_000_000;

export interface ParamError {
  field: keyof GeneratorParams;
  message: string;
}

/** Fills in preset sizes for fields the caller did not set. */
export function resolveParams(partial: Partial<GeneratorParams> = {}): GeneratorParams {
  const preset = partial.preset ?? DEFAULT_PARAMS.preset;
  const sizes = PRESETS[preset] ?? PRESETS.demo;
  return { ...DEFAULT_PARAMS, ...sizes, ...partial, preset };
}

export function validateParams(p: GeneratorParams): ParamError[] {
  const errors: ParamError[] = [];
  if (!Number.isInteger(p.seed) || p.seed < 0 || p.seed > 2 ** 32 - 1) {
    errors.push({ field: 'seed', message: 'seed must be a whole number from 0 to 4294967295' });
  }
  if (!(p.preset in PRESETS)) {
    errors.push({ field: 'preset', message: `preset must be one of ${Object.keys(PRESETS).join(', ')}` });
  }
  if (!Number.isInteger(p.accounts) || p.accounts < 1 || p.accounts > MAX_ACCOUNTS) {
    errors.push({ field: 'accounts', message: `accounts must be a whole number from 1 to ${MAX_ACCOUNTS}` });
  }
  if (!Number.isFinite(p.usersPerAccount) || p.usersPerAccount < 1 || p.usersPerAccount > 50) {
    errors.push({ field: 'usersPerAccount', message: 'usersPerAccount must be between 1 and 50' });
  }
  const share = (field: 'trialConversion' | 'welcomeShareStart' | 'welcomeShareEnd', label: string) => {
    if (!Number.isFinite(p[field]) || p[field] < 0 || p[field] > 1) errors.push({ field, message: `${field} (${label}) must be between 0 and 1` });
  };
  share('trialConversion', 'trial-to-paid conversion');
  share('welcomeShareStart', 'welcome-offer share, first year');
  share('welcomeShareEnd', 'welcome-offer share, later');
  if (!Number.isFinite(p.baseChurn) || p.baseChurn < 0 || p.baseChurn > 0.5) {
    errors.push({ field: 'baseChurn', message: 'baseChurn (monthly churn hazard) must be between 0 and 0.5' });
  }
  if (!Number.isFinite(p.dirtRate) || p.dirtRate < 0 || p.dirtRate > 0.1) {
    errors.push({ field: 'dirtRate', message: 'dirtRate (share of duplicated events) must be between 0 and 0.1' });
  }
  const start = parseIsoDate(p.windowStart);
  const end = parseIsoDate(p.windowEnd);
  const asOf = parseIsoDate(p.asOf);
  if (start === null) errors.push({ field: 'windowStart', message: 'windowStart must be a date like 2024-01-01' });
  if (end === null) errors.push({ field: 'windowEnd', message: 'windowEnd must be a date like 2025-12-31' });
  if (asOf === null) errors.push({ field: 'asOf', message: 'asOf must be a date like 2025-12-31' });
  if (start !== null && end !== null) {
    if (end < start) errors.push({ field: 'windowEnd', message: 'windowEnd must not be before windowStart' });
    else if (end - start > 366 * 10) errors.push({ field: 'windowEnd', message: 'the window may span at most 10 years' });
  }
  if (start !== null && asOf !== null && asOf < start) {
    errors.push({ field: 'asOf', message: 'asOf must not be before windowStart' });
  }
  return errors;
}

export class InvalidParamsError extends Error {
  constructor(readonly errors: ParamError[]) {
    super(`Invalid generator settings: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    this.name = 'InvalidParamsError';
  }
}

/** Resolves and validates; throws InvalidParamsError naming every bad field. */
export function checkedParams(partial: Partial<GeneratorParams> = {}): GeneratorParams {
  const params = resolveParams(partial);
  const errors = validateParams(params);
  if (errors.length > 0) throw new InvalidParamsError(errors);
  return params;
}
