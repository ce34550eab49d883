import { parseMapping } from '../import/commandLine';
import { isTableKind, mappingProblems } from '../import/roles';
import { type CleaningRules, type ImportSpec } from '../import/rules';
import { type CsvEncoding, type Delimiter, DELIMITERS } from '../import/sniff';
import { outputChoice, readFlags, UsageError } from './flags';

export interface ImportCommand {
  file: string;
  /** The spec without its date format when --date-format is not given (guessed from the file). */
  spec: Omit<ImportSpec, 'dateFormat'> & { dateFormat: string | null };
  delimiter: Delimiter | undefined;
  encoding: CsvEncoding | undefined;
  out: string;
  format: 'parquet' | 'csv';
  engine: 'wasm' | 'native';
}

export const IMPORT_USAGE = `       npm run pipeline -- --import FILE --role transactions|subscriptions|customers --map ROLE=COLUMN[,ROLE=COLUMN...]
       [--date-format iso|STRPTIME] [--delimiter ,|;|tab|pipe] [--encoding utf-8|utf-16|latin-1]
       [--exclude-orders REGEX] [--exclude-negative] [--dedupe] --out DIR [--format parquet|csv] [--engine wasm|native]

Imports a CSV, Parquet or Excel (.xlsx) file with the same mapping, cleaning rules and SQL as
the app's Import view and writes the marts it allows (retention_cohorts,
social_capital_growth_accounting, monthly_revenue, survival_km, ...) plus import_summary (rows
read, set aside per rule, kept, and the rules) to DIR/<layer>/<table>.<format>.
Roles: customer_id, occurred_at, event_name, order_id, amount, quantity, unit_price (transactions);
account_id, date, amount, plan (subscriptions); customer_id, duration, churned, segment (customers).
Rows without an id are always set aside and counted; every other rule is off unless its flag is given.`;

const VALUE_FLAGS = ['import', 'role', 'map', 'date-format', 'delimiter', 'encoding', 'exclude-orders', 'out', 'format', 'engine'];
const SWITCHES = ['exclude-negative', 'dedupe'];
const DELIMITER_WORDS: Record<string, Delimiter> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\t': '\t', '|': '|', pipe: '|' };

/** Whether the arguments ask for an import rather than a generated dataset. */
export function isImportArgs(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--import' || a.startsWith('--import='));
}

export function parseImportArgs(argv: readonly string[]): ImportCommand {
  const values = readFlags(argv, {
    switches: SWITCHES,
    check: (name) => {
      if (!VALUE_FLAGS.includes(name)) throw new UsageError(`unknown option --${name} for an import`);
    },
  });
  const required = (name: string) => {
    const v = values.get(name);
    if (v === undefined || v === '') throw new UsageError(`--${name} is required for an import`);
    return v;
  };
  const file = required('import');
  const role = required('role');
  if (!isTableKind(role)) throw new UsageError(`--role must be transactions, subscriptions or customers, not "${role}"`);
  let mapping;
  try {
    mapping = parseMapping(role, required('map'));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const missing = mappingProblems(role, mapping, Object.values(mapping)).filter((p) => !p.includes('not a column'));
  if (missing.length > 0) throw new UsageError(`--map: ${missing.join('; ')}`);
  const out = required('out');
  const { format, engine } = outputChoice(values);
  const delimiterText = values.get('delimiter');
  const delimiter = delimiterText === undefined ? undefined : DELIMITER_WORDS[delimiterText];
  if (delimiterText !== undefined && (delimiter === undefined || !DELIMITERS.includes(delimiter))) throw new UsageError(`--delimiter must be one of , ; tab pipe, not "${delimiterText}"`);
  const encoding = values.get('encoding');
  if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf-16' && encoding !== 'latin-1') throw new UsageError(`--encoding must be utf-8, utf-16 or latin-1, not "${encoding}"`);
  const flag = (name: string) => {
    const v = values.get(name);
    if (v === undefined) return false;
    if (v !== 'true' && v !== 'false') throw new UsageError(`--${name} takes no value (or =true/=false), not "${v}"`);
    return v === 'true';
  };
  const rules: CleaningRules = { excludeOrderPattern: values.get('exclude-orders') ?? null, excludeNegative: flag('exclude-negative'), dedupe: flag('dedupe') };
  return { file, spec: { kind: role, mapping, dateFormat: values.get('date-format') ?? null, rules }, delimiter, encoding, out, format, engine };
}
