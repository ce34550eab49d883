import { type GeneratorParams, PRESETS, type PresetName, resolveParams, validateParams } from '../generator/params';
import type { BundleChoice } from '../engine/browserDuckDb';

export interface UrlSettings {
  params: GeneratorParams;
  bundle: BundleChoice;
  /** What was wrong with the URL, if anything; the defaults are used instead. */
  notice: string | null;
}

/**
 * Reads generator settings from the query string. A malformed link falls back to the
 * defaults with a notice instead of failing.
 */
export function readUrlSettings(search: string): UrlSettings {
  const query = new URLSearchParams(search);
  const problems: string[] = [];
  const partial: Partial<GeneratorParams> = {};
  const preset = query.get('preset');
  if (preset !== null) {
    if (preset in PRESETS) partial.preset = preset as PresetName;
    else problems.push(`unknown preset "${preset}"`);
  }
  const seed = query.get('seed');
  if (seed !== null) {
    if (/^\d{1,10}$/.test(seed)) partial.seed = Number(seed);
    else problems.push(`seed "${seed}" is not a whole number`);
  }
  let params = resolveParams(partial);
  const errors = validateParams(params);
  if (errors.length > 0) {
    problems.push(...errors.map((e) => e.message));
    params = resolveParams({});
  }
  const bundleValue = query.get('bundle') ?? 'auto';
  let bundle: BundleChoice = 'auto';
  if (bundleValue === 'auto' || bundleValue === 'mvp' || bundleValue === 'eh') bundle = bundleValue;
  else problems.push(`unknown bundle "${bundleValue}"`);
  return { params, bundle, notice: problems.length > 0 ? `Some link settings were ignored: ${problems.join('; ')}.` : null };
}
