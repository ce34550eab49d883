import { estimateRun } from '../generator/estimate';
import { DEFAULT_PARAMS, type GeneratorParams, PRESETS, type PresetName, resolveParams, validateParams } from '../generator/params';
import { type BundleChoice, isBundleChoice } from '../engine/bundleChoice';

export interface UrlSettings {
  params: GeneratorParams;
  bundle: BundleChoice;
  /** What was wrong with the URL, if anything; those settings fall back to their defaults. */
  notice: string | null;
  /** The same, one entry per ignored setting (to merge with other parts of the URL). */
  problems: string[];
}

/** The notice naming every ignored link setting, or null when nothing was ignored. */
export function linkNotice(problems: readonly string[]): string | null {
  return problems.length > 0 ? `Some link settings were ignored: ${problems.join('; ')}.` : null;
}

type ParamKey = keyof GeneratorParams;
const NUMBER_KEYS: readonly ParamKey[] = ['seed', 'accounts', 'usersPerAccount', 'trialConversion', 'baseChurn', 'welcomeShareStart', 'welcomeShareEnd', 'dirtRate'];
const DATE_KEYS: readonly ParamKey[] = ['windowStart', 'windowEnd', 'asOf'];

/**
 * Reads generator settings from the query string. A malformed link never fails: each value
 * that cannot be used is dropped (falling back to its default) and named in the notice.
 */
export function readUrlSettings(search: string): UrlSettings {
  const query = new URLSearchParams(search);
  const problems: string[] = [];
  const partial: Partial<Record<ParamKey, string | number>> = {};
  const preset = query.get('preset');
  if (preset !== null) {
    if (preset in PRESETS) partial.preset = preset as PresetName;
    else problems.push(`unknown preset "${preset}"`);
  }
  for (const key of NUMBER_KEYS) {
    const raw = query.get(key);
    if (raw === null) continue;
    const value = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(value)) partial[key] = value;
    else problems.push(key === 'seed' ? `seed "${raw}" is not a whole number` : `${key} "${raw}" is not a number`);
  }
  for (const key of DATE_KEYS) {
    const raw = query.get(key);
    if (raw !== null) partial[key] = raw;
  }
  // Drop each invalid setting until the rest is consistent.
  for (;;) {
    const errors = validateParams(resolveParams(partial as Partial<GeneratorParams>));
    const bad = errors.find((e) => e.field in partial);
    if (!bad) break;
    problems.push(bad.message);
    delete partial[bad.field];
  }
  // A link asking for more than a tab can hold falls back to the preset's size.
  const estimate = estimateRun(resolveParams(partial as Partial<GeneratorParams>));
  if (estimate.level === 'refuse') {
    problems.push(estimate.message!);
    delete partial.accounts;
    delete partial.usersPerAccount;
    if (estimateRun(resolveParams(partial as Partial<GeneratorParams>)).level === 'refuse') delete partial.preset;
  }
  const params = resolveParams(partial as Partial<GeneratorParams>);
  const bundleValue = query.get('bundle') ?? 'auto';
  let bundle: BundleChoice = 'auto';
  if (isBundleChoice(bundleValue)) bundle = bundleValue;
  else problems.push(`unknown bundle "${bundleValue}"`);
  return { params, bundle, notice: linkNotice(problems), problems };
}

/** The query string that reproduces these settings: only what differs from the defaults. */
export function writeUrlSettings(params: GeneratorParams, bundle: BundleChoice, base = ''): string {
  const query = new URLSearchParams(base);
  const defaults = resolveParams({ preset: params.preset });
  for (const key of Object.keys(DEFAULT_PARAMS) as ParamKey[]) {
    if (key === 'preset' ? params.preset !== DEFAULT_PARAMS.preset : params[key] !== defaults[key]) query.set(key, String(params[key]));
    else query.delete(key);
  }
  if (bundle !== 'auto') query.set('bundle', bundle);
  else query.delete('bundle');
  const text = query.toString();
  return text ? `?${text}` : '';
}
