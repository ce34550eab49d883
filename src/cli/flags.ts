/** A bad command line: the message names the flag; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Reads `--flag value`, `--flag=value` and bare `--switch` arguments into a map (a switch reads
 * as "true"). `check` sees every flag name before its value is read and throws for one the
 * command does not take, so an unknown flag is named as such even without a value.
 */
export function readFlags(argv: readonly string[], options: { switches?: readonly string[]; check(name: string): void }): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (options.switches?.includes(name)) {
      values.set(name, eq > 0 ? arg.slice(eq + 1) : 'true');
      continue;
    }
    options.check(name);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    values.set(name, value);
  }
  return values;
}

/** --format and --engine, which both commands take, with their defaults. */
export function outputChoice(values: ReadonlyMap<string, string>): { format: 'parquet' | 'csv'; engine: 'wasm' | 'native' } {
  const format = values.get('format') ?? 'parquet';
  if (format !== 'parquet' && format !== 'csv') throw new UsageError(`--format must be parquet or csv, not "${format}"`);
  const engine = values.get('engine') ?? 'wasm';
  if (engine !== 'wasm' && engine !== 'native') throw new UsageError(`--engine must be wasm or native, not "${engine}"`);
  return { format, engine };
}
