import { outputChoice, readFlags, UsageError } from './flags';
import { DEFAULT_PARAMS, type GeneratorParams, PRESETS, type PresetName, resolveParams, validateParams } from '../generator/params';

export interface PipelineCommand {
  params: GeneratorParams;
  out: string;
  format: 'parquet' | 'csv';
  engine: 'wasm' | 'native';
}

export const USAGE = `Usage: npm run pipeline -- --out DIR [--seed N] [--preset tiny|demo|large] [--format parquet|csv] [--engine wasm|native]
       [--accounts N] [--usersPerAccount X] [--windowStart YYYY-MM-DD] [--windowEnd YYYY-MM-DD] [--asOf YYYY-MM-DD]
       [--trialConversion X] [--baseChurn X] [--welcomeShareStart X] [--welcomeShareEnd X] [--dirtRate X]

Generates the synthetic company in Node with the app's generator, runs the sql/ pipeline
(DuckDB-WASM by default, or native DuckDB with --engine native, multi-threaded), and writes
every raw, bronze, silver and gold table plus dq_results to DIR/<layer>/<table>.<format>.
Exits with 1 when a check of severity error fails, 2 on bad arguments or a pipeline error.`;

const NUMBER_FLAGS = ['seed', 'accounts', 'usersPerAccount', 'trialConversion', 'baseChurn', 'welcomeShareStart', 'welcomeShareEnd', 'dirtRate'] as const;
const DATE_FLAGS = ['windowStart', 'windowEnd', 'asOf'] as const;

/** Parses `--flag value` and `--flag=value` arguments; every problem is reported by name. */
export function parsePipelineArgs(argv: readonly string[]): PipelineCommand {
  const known = new Set<string>(['out', 'format', 'engine', 'preset', ...NUMBER_FLAGS, ...DATE_FLAGS]);
  const values = readFlags(argv, {
    check: (name) => {
      if (!known.has(name)) throw new UsageError(`unknown option --${name}`);
    },
  });
  const out = values.get('out');
  if (!out) throw new UsageError('--out DIR is required');
  const { format, engine } = outputChoice(values);

  const partial: Partial<GeneratorParams> = {};
  const preset = values.get('preset');
  if (preset !== undefined) {
    if (!(preset in PRESETS)) throw new UsageError(`--preset must be one of ${Object.keys(PRESETS).join(', ')}`);
    partial.preset = preset as PresetName;
  }
  for (const flag of NUMBER_FLAGS) {
    const raw = values.get(flag);
    if (raw === undefined) continue;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${flag} must be a number, not "${raw}"`);
    (partial as Record<string, number>)[flag] = n;
  }
  for (const flag of DATE_FLAGS) {
    const raw = values.get(flag);
    if (raw !== undefined) (partial as Record<string, string>)[flag] = raw;
  }
  const params = resolveParams({ ...partial, seed: partial.seed ?? DEFAULT_PARAMS.seed });
  const errors = validateParams(params);
  if (errors.length > 0) throw new UsageError(errors.map((e) => `--${e.field}: ${e.message}`).join('\n'));
  return { params, out, format, engine };
}
