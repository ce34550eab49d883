import type { Table } from 'apache-arrow';
import { type Connector, quoteLiteral } from '../engine/connector';
import type { SqlModel } from '../pipeline/sqlModel';
import { ImportError } from './importError';
import { activityTablesSql, badValuesSql, customerTablesSql, flaggedSql, parseCheckSql, qualified } from './importSql';
import { ACTIVITY_MARTS, buildableModels, inSchema, REVENUE_MARTS, SURVIVAL_MARTS } from './models';
import { type AnalysisAvailability, analysesFor, hasAmount, mappingProblems, ROLES, type Role } from './roles';
import { activeReasons, describeRules, type ImportSpec, reasonLabel, type SetAsideReason } from './rules';

export interface RuleCount {
  reason: SetAsideReason;
  label: string;
  rows: number;
}

export interface BuiltTable {
  name: string;
  layer: string;
  rows: number;
}

export interface ImportSummary {
  spec: ImportSpec;
  schema: string;
  rowsRead: number;
  setAside: RuleCount[];
  rowsKept: number;
  /** One sentence per rule applied: every result states them. */
  rules: string[];
  tables: BuiltTable[];
  checks: { name: string; passed: boolean; failingRows: number }[];
  analyses: AnalysisAvailability[];
  durationMs: number;
}

/** The table every import writes next to its marts: what was read, set aside and kept, and the rules. */
export const SUMMARY_TABLE = 'import_summary';

const first = (table: Table): number => Number((table.getChildAt(0)?.get(0) as unknown) ?? 0);
const SAMPLE = 5;

function typeWord(role: Role, spec: ImportSpec): string {
  const type = ROLES[spec.kind].find((r) => r.role === role)?.type;
  if (type === 'timestamp') return spec.dateFormat === 'iso' ? 'dates (YYYY-MM-DD, optionally with a time)' : `dates in the format ${spec.dateFormat}`;
  if (type === 'flag') return 'yes/no flags (1/0, yes/no, true/false)';
  return 'numbers';
}

/** Every mapped column that must parse does: otherwise the rows and values that do not. */
async function checkValues(connector: Connector, source: string, spec: ImportSpec): Promise<void> {
  for (const spec_ of ROLES[spec.kind]) {
    const sql = parseCheckSql(source, spec, spec_.role);
    if (sql === null) continue;
    const counts = (await connector.query(sql)).toArray()[0] as { present: unknown; bad: unknown };
    const present = Number(counts.present);
    const bad = Number(counts.bad);
    if (bad === 0) continue;
    const samples = (await connector.query(badValuesSql(source, spec, spec_.role, SAMPLE))).toArray() as { __row: unknown; value: unknown }[];
    const listed = samples.map((s) => `row ${Number(s.__row)}: "${String(s.value)}"`).join('; ');
    const column = spec.mapping[spec_.role]!;
    if (bad > present / 2) {
      throw new ImportError('wrong-type', `"${column}" is mapped to ${spec_.role}, but it does not hold ${typeWord(spec_.role, spec)}: ${bad.toLocaleString('en-US')} of ${present.toLocaleString('en-US')} values are not (${listed}). Map another column to ${spec_.role}.`);
    }
    throw new ImportError('unparseable', `${bad.toLocaleString('en-US')} value${bad === 1 ? '' : 's'} of "${column}" (${spec_.role}) could not be read as ${typeWord(spec_.role, spec)}: ${listed}${bad > SAMPLE ? '; …' : ''}. Correct the file${spec_.role === 'occurred_at' || spec_.role === 'date' ? ' or choose another date format' : ''}.`);
  }
}

/**
 * Turns the imported table `schema`.source into the pipeline's silver tables and runs every
 * sql/ model those allow, all inside `schema`: nothing outside it is touched, so a failure
 * leaves the current data as it was (the caller drops the schema). Returns what was kept,
 * set aside (per rule), built and checked.
 */
export async function buildImport(connector: Connector, schema: string, models: readonly SqlModel[], spec: ImportSpec, columns: readonly string[]): Promise<ImportSummary> {
  const started = performance.now();
  const problems = mappingProblems(spec.kind, spec.mapping, columns);
  if (problems.length > 0) throw new ImportError('mapping', `The mapping is not complete: ${problems.join('; ')}.`);
  if (spec.rules.excludeOrderPattern !== null) {
    try {
      await connector.query(`SELECT regexp_matches('', ${quoteLiteral(spec.rules.excludeOrderPattern)})`);
    } catch {
      throw new ImportError('mapping', `The cancellation pattern /${spec.rules.excludeOrderPattern}/ is not a valid regular expression.`);
    }
  }
  const source = qualified(schema, 'source');
  await checkValues(connector, source, spec);

  const flagged = qualified(schema, 'import_flagged');
  await connector.exec(`CREATE OR REPLACE TABLE ${flagged} AS ${flaggedSql(source, spec, columns)}`);
  const counts = new Map<string, number>();
  for (const row of (await connector.query(`SELECT set_aside, count(*) AS n FROM ${flagged} GROUP BY set_aside`)).toArray() as { set_aside: string | null; n: unknown }[]) {
    counts.set(row.set_aside ?? 'kept', Number(row.n));
  }
  await connector.exec(`CREATE OR REPLACE TABLE ${qualified(schema, 'import_rows')} AS SELECT * EXCLUDE (set_aside, is_duplicate) FROM ${flagged} WHERE set_aside IS NULL`);
  await connector.exec(`DROP TABLE ${flagged}`);
  const setAside = activeReasons(spec).map((reason) => ({ reason, label: reasonLabel(reason, spec), rows: counts.get(reason) ?? 0 }));
  const rowsKept = counts.get('kept') ?? 0;
  const rowsRead = [...counts.values()].reduce((a, b) => a + b, 0);
  if (rowsKept === 0) {
    throw new ImportError('empty', `No rows are left to analyse: of ${rowsRead.toLocaleString('en-US')} rows, ${setAside.filter((s) => s.rows > 0).map((s) => `${s.rows.toLocaleString('en-US')} ${s.label}`).join(', ')}.`);
  }

  const base = spec.kind === 'customers' ? customerTablesSql(schema) : activityTablesSql(schema, spec);
  const tables: BuiltTable[] = [];
  // run_params first: the other base tables read it.
  for (const [name, sql] of Object.entries(base).sort(([a], [b]) => Number(b === 'run_params') - Number(a === 'run_params'))) {
    await connector.exec(`CREATE OR REPLACE TABLE ${qualified(schema, name)} AS ${sql}`);
    tables.push({ name, layer: 'silver', rows: first(await connector.query(`SELECT count(*) FROM ${qualified(schema, name)}`)) });
  }
  const targets = spec.kind === 'customers' ? SURVIVAL_MARTS : [...ACTIVITY_MARTS, ...(hasAmount(spec.kind, spec.mapping) ? REVENUE_MARTS : [])];
  const plan = buildableModels(models, Object.keys(base), targets);
  for (const model of plan.models) {
    await connector.exec(`CREATE OR REPLACE TABLE ${qualified(schema, model.name)} AS ${inSchema(model, schema)}`);
    tables.push({ name: model.name, layer: model.layer, rows: first(await connector.query(`SELECT count(*) FROM ${qualified(schema, model.name)}`)) });
  }
  const checks: ImportSummary['checks'] = [];
  for (const check of plan.checks) {
    const failingRows = first(await connector.query(`SELECT count(*) FROM (${inSchema(check, schema)})`));
    checks.push({ name: check.name, passed: failingRows === 0, failingRows });
  }
  const rules = describeRules(spec);
  await writeSummary(connector, schema, rowsRead, setAside, rowsKept, rules);
  return { spec, schema, rowsRead, setAside, rowsKept, rules, tables, checks, analyses: analysesFor(spec.kind, spec.mapping), durationMs: performance.now() - started };
}

async function writeSummary(connector: Connector, schema: string, rowsRead: number, setAside: readonly RuleCount[], rowsKept: number, rules: readonly string[]): Promise<void> {
  const rows: [string, string, number | null][] = [
    ['read', 'rows read from the file', rowsRead],
    ...setAside.map((s): [string, string, number] => [`set_aside:${s.reason}`, s.label, s.rows]),
    ['kept', 'rows kept for the analyses', rowsKept],
    ...rules.map((r): [string, string, null] => ['rule', r, null]),
  ];
  const values = rows.map(([step, description, n]) => `(${quoteLiteral(step)}, ${quoteLiteral(description)}, ${n === null ? 'NULL' : n})`).join(', ');
  await connector.exec(`CREATE OR REPLACE TABLE ${qualified(schema, SUMMARY_TABLE)} (step VARCHAR, description VARCHAR, rows BIGINT)`);
  await connector.exec(`INSERT INTO ${qualified(schema, SUMMARY_TABLE)} VALUES ${values}`);
}
