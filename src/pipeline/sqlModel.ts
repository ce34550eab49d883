import { type GenericTest, parseGenericTest } from './genericTests';

/** The layers of the pipeline, in the order they are meant to build on each other. */
export const LAYERS = ['bronze', 'silver', 'gold', 'checks'] as const;
export type Layer = (typeof LAYERS)[number];

export type CheckSeverity = 'error' | 'warn';

/** One SQL file of sql/: a model (a SELECT that becomes a table) or a check. */
export interface SqlModel {
  /** File name without extension; also the table name for models. */
  name: string;
  layer: Layer;
  /** Path relative to the repository, e.g. sql/gold/retention_cohorts.sql. */
  path: string;
  /** The SELECT statement, as written. */
  sql: string;
  /** First paragraph of the header comment. */
  description: string;
  /** Column descriptions from `-- @col name: text` header lines. */
  columns: Record<string, string>;
  /** Checks only: `-- @severity error|warn` (default error). */
  severity: CheckSeverity;
  /** Checks only: `-- @model name`, the model the check is about. */
  checkedModel: string | null;
  /** Tables the statement reads (after FROM or JOIN), CTE names excluded. */
  references: string[];
  /** Generic tests declared with @test / @warn (expanded into checks by genericTests.ts). */
  tests: GenericTest[];
  /** Models only: `-- @materialize view` makes a view instead of a table (default table). */
  materialization: Materialization;
}

export type Materialization = 'table' | 'view';

export interface SqlSource {
  path: string;
  text: string;
}

/** Removes comments and string literals, keeping offsets irrelevant: only tokens matter. */
function stripCommentsAndStrings(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
}

function unquote(identifier: string): string {
  return identifier.startsWith('"') ? identifier.slice(1, -1).replaceAll('""', '"') : identifier.toLowerCase();
}

const IDENT = String.raw`("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;

/** Tables read by a statement: identifiers after FROM/JOIN that are not CTEs or table functions. */
export function referencedTables(sql: string): string[] {
  const text = stripCommentsAndStrings(sql);
  const ctes = new Set<string>();
  for (const m of text.matchAll(new RegExp(String.raw`(?:\bwith\b(?:\s+recursive)?|,)\s*${IDENT}\s+as\s*(?:not\s+)?(?:materialized\s*)?\(`, 'gi'))) {
    ctes.add(unquote(m[1]!));
  }
  const refs = new Set<string>();
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:from|join)\s+(?:lateral\s+)?${IDENT}(\s*\()?`, 'gi'))) {
    if (m[2]) continue; // a table function such as range(...) or unnest(...)
    const name = unquote(m[1]!);
    if (!ctes.has(name)) refs.add(name);
  }
  return [...refs].sort();
}

function parseHeader(text: string): { description: string; tags: [string, string][] } {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('--')) lines.push(trimmed.replace(/^--\s?/, ''));
    else if (trimmed !== '') break;
  }
  const tags: [string, string][] = [];
  const prose: string[] = [];
  for (const line of lines) {
    const tag = /^@(\w+)\s+(.*)$/.exec(line);
    if (tag) tags.push([tag[1]!, tag[2]!.trim()]);
    else prose.push(line);
  }
  const firstParagraph = prose.join('\n').trim().split(/\n\s*\n/)[0] ?? '';
  return { description: firstParagraph.replace(/\s*\n\s*/g, ' '), tags };
}

export function parseSqlModel(source: SqlSource): SqlModel {
  const m = /(?:^|\/)sql\/(bronze|silver|gold|checks)\/([A-Za-z0-9_]+)\.sql$/.exec(source.path);
  if (!m) throw new Error(`${source.path}: SQL files must live in sql/<bronze|silver|gold|checks>/<name>.sql`);
  const layer = m[1] as Layer;
  const name = m[2]!;
  const { description, tags } = parseHeader(source.text);
  const columns: Record<string, string> = {};
  let severity: CheckSeverity = 'error';
  let checkedModel: string | null = null;
  let materialization: Materialization = 'table';
  const tests: GenericTest[] = [];
  for (const [tag, value] of tags) {
    if (tag === 'col') {
      const col = /^([A-Za-z0-9_]+)\s*:\s*(.*)$/.exec(value);
      if (!col) throw new Error(`${source.path}: @col must look like "@col name: description"`);
      columns[col[1]!] = col[2]!;
    } else if (tag === 'severity') {
      if (value !== 'error' && value !== 'warn') throw new Error(`${source.path}: @severity must be error or warn`);
      severity = value;
    } else if (tag === 'model') checkedModel = value;
    else if (tag === 'materialize') {
      if (value !== 'table' && value !== 'view') throw new Error(`${source.path}: @materialize must be table or view`);
      materialization = value;
    }
    else if (tag === 'test' || tag === 'warn') tests.push(parseGenericTest(tag, value, source.path));
    else throw new Error(`${source.path}: unknown header tag @${tag}`);
  }
  const sql = source.text.trim().replace(/;\s*$/, '');
  if (sql.includes(';')) {
    // One statement per file keeps the runner's timing and error reporting per model exact.
    const body = stripCommentsAndStrings(sql);
    if (body.includes(';')) throw new Error(`${source.path}: a model file holds exactly one SELECT statement`);
  }
  return { name, layer, path: `sql/${layer}/${name}.sql`, sql, description, columns, severity, checkedModel, references: referencedTables(sql), tests, materialization };
}
