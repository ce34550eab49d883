import { quoteIdent, quoteLiteral } from '../engine/connector';
import { type CheckSeverity, parseSqlModel, type SqlModel, type SqlSource } from './sqlModel';

/**
 * dbt-style tests declared in a model's header, each expanded into a check (a query returning
 * the offending rows):
 *   -- @test unique: col[, col...]
 *   -- @test not_null: col[, col...]
 *   -- @test accepted_values: col = a, b, c
 *   -- @test relationships: col -> table.column
 *   -- @test expression(name): <SQL condition every row must meet>   (name optional)
 * `@warn` instead of `@test` makes a failure a warning.
 */
export interface GenericTest {
  kind: 'unique' | 'not_null' | 'accepted_values' | 'relationships' | 'expression';
  args: string;
  severity: CheckSeverity;
  /** Optional name of an expression test, e.g. no_negative_balance. */
  label: string | null;
}

const KINDS = new Set<GenericTest['kind']>(['unique', 'not_null', 'accepted_values', 'relationships', 'expression']);

export function parseGenericTest(tag: 'test' | 'warn', value: string, path: string): GenericTest {
  const m = /^(\w+)(?:\((\w+)\))?\s*:\s*(.+)$/.exec(value);
  if (!m || !KINDS.has(m[1] as GenericTest['kind'])) {
    throw new Error(`${path}: @${tag} must look like "@${tag} unique|not_null|accepted_values|relationships|expression: ..."`);
  }
  return { kind: m[1] as GenericTest['kind'], args: m[3]!.trim(), severity: tag === 'warn' ? 'warn' : 'error', label: m[2] ?? null };
}

const columns = (args: string) => args.split(',').map((c) => c.trim()).filter(Boolean);
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 60);

function expand(model: SqlModel, test: GenericTest, index: number): SqlModel {
  const table = quoteIdent(model.name);
  let sql: string;
  let description: string;
  let name: string;
  const references = [model.name];
  switch (test.kind) {
    case 'unique': {
      const cols = columns(test.args);
      const list = cols.map(quoteIdent).join(', ');
      sql = `SELECT ${list}, count(*) AS copies FROM ${table} GROUP BY ${list} HAVING count(*) > 1`;
      description = `${cols.join(', ')} ${cols.length > 1 ? 'are' : 'is'} unique in ${model.name}.`;
      name = `unique_${model.name}_${slug(cols.join('_'))}`;
      break;
    }
    case 'not_null': {
      const cols = columns(test.args);
      sql = `SELECT * FROM ${table} WHERE ${cols.map((c) => `${quoteIdent(c)} IS NULL`).join(' OR ')}`;
      description = `${cols.join(', ')} ${cols.length > 1 ? 'are' : 'is'} never NULL in ${model.name}.`;
      name = `not_null_${model.name}_${slug(cols.join('_'))}`;
      break;
    }
    case 'accepted_values': {
      const m = /^(\w+)\s*=\s*(.+)$/.exec(test.args);
      if (!m) throw new Error(`${model.path}: accepted_values must look like "col = a, b, c"`);
      const values = columns(m[2]!);
      sql = `SELECT ${quoteIdent(m[1]!)} AS value, count(*) AS n FROM ${table} WHERE ${quoteIdent(m[1]!)} NOT IN (${values.map(quoteLiteral).join(', ')}) GROUP BY 1`;
      description = `${m[1]} of ${model.name} is one of ${values.join(', ')}.`;
      name = `accepted_values_${model.name}_${m[1]}`;
      break;
    }
    case 'relationships': {
      const m = /^(\w+)\s*->\s*(\w+)\.(\w+)$/.exec(test.args);
      if (!m) throw new Error(`${model.path}: relationships must look like "col -> table.column"`);
      const [, col, target, targetCol] = m as unknown as [string, string, string, string];
      sql = `SELECT s.${quoteIdent(col)}, count(*) AS n FROM ${table} AS s ANTI JOIN ${quoteIdent(target)} AS t ON t.${quoteIdent(targetCol)} = s.${quoteIdent(col)} WHERE s.${quoteIdent(col)} IS NOT NULL GROUP BY 1`;
      description = `Every ${col} of ${model.name} exists in ${target}.${targetCol}.`;
      name = `relationships_${model.name}_${col}`;
      references.push(target);
      break;
    }
    case 'expression':
      sql = `SELECT * FROM ${table} WHERE NOT coalesce((${test.args}), false)`;
      description = `Every row of ${model.name} meets: ${test.args}.`;
      name = test.label ? `${model.name}_${test.label}` : `expression_${model.name}_${index}`;
      break;
  }
  return {
    name,
    layer: 'checks',
    path: `${model.path}#${test.kind}`,
    sql,
    description,
    columns: {},
    severity: test.severity,
    checkedModel: model.name,
    references,
    tests: [],
    materialization: 'table',
  };
}

/** The checks declared by the models' headers. */
export function expandGenericTests(models: readonly SqlModel[]): SqlModel[] {
  return models.flatMap((m) => m.tests.map((t, i) => expand(m, t, i + 1)));
}

/**
 * Every model and check of a set of SQL sources: the files parsed in path order, plus the
 * checks their headers declare. Shared by the bundled (browser, Vitest) and the on-disk
 * (bench, CLI) loaders so that both see exactly the same pipeline.
 */
export function modelsFromSources(sources: readonly SqlSource[]): SqlModel[] {
  const parsed = sources.map(parseSqlModel).sort((a, b) => a.path.localeCompare(b.path));
  return [...parsed, ...expandGenericTests(parsed)];
}
