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

export class UsageError extends Error {
  override name = 'UsageError';
}

const NUMBER_FLAGS = ['seed', 'accounts', 'usersPerAccount', 'trialConversion', 'baseChurn', 'welcomeShareStart', 'welcomeShareEnd', 'dirtRate'] as const;
const DATE_FLAGS = ['windowStart', 'windowEnd', 'asOf'] as const;

/** Parses `--flag value` and `--flag=value` arguments; every problem is reported by name. */
export function parsePipelineArgs(argv: readonly string[]): PipelineCommand {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    values.set(name, value);
  }
  const known = new Set<string>(['out', 'format', 'engine', 'preset', ...NUMBER_FLAGS, ...DATE_FLAGS]);
  for (const name of values.keys()) if (!known.has(name)) throw new UsageError(`unknown option --${name}`);

  const out = values.get('out');
  if (!out) throw new UsageError('--out DIR is required');
  const format = values.get('format') ?? 'parquet';
  if (format !== 'parquet' && format !== 'csv') throw new UsageError(`--format must be parquet or csv, not "${format}"`);
  const engine = values.get('engine') ?? 'wasm';
  if (engine !== 'wasm' && engine !== 'native') throw new UsageError(`--engine must be wasm or native, not "${engine}"`);

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
