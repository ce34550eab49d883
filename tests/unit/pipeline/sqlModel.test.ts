import { describe, expect, it } from 'vitest';
import { executionOrder, PipelineDefinitionError } from '../../../src/pipeline/dag';
import { expandGenericTests } from '../../../src/pipeline/genericTests';
import { parseSqlModel, referencedTables } from '../../../src/pipeline/sqlModel';
import { SQL_MODELS } from '../../../src/pipeline/sqlFiles';
import { PIPELINE_SOURCES } from '../../../src/pipeline/sources';

const model = (layer: string, name: string, text: string) => parseSqlModel({ path: `sql/${layer}/${name}.sql`, text });

describe('reading dependencies from SQL', () => {
  it('finds tables after FROM and JOIN, skipping CTEs, table functions, comments and strings', () => {
    const sql = `
      -- FROM commented_out
      WITH recent AS (SELECT * FROM stg_events), "Quoted CTE" AS (SELECT 1)
      SELECT 'FROM not_a_table' AS s FROM recent
      JOIN dim_users u ON true
      LEFT JOIN "Mixed Case" m ON true
      CROSS JOIN range(0, 10) AS r(i)
      ANTI JOIN "Quoted CTE" q ON true
      /* JOIN hidden */`;
    expect(referencedTables(sql)).toEqual(['Mixed Case', 'dim_users', 'stg_events']);
  });

  it('reads the description and column docs from the header', () => {
    const m = model('gold', 'x', '-- First line\n-- continues.\n--\n-- Second paragraph.\n-- @col a: The a.\nSELECT 1 AS a');
    expect(m.description).toBe('First line continues.');
    expect(m.columns).toEqual({ a: 'The a.' });
    expect(m.severity).toBe('error');
    expect(m.materialization).toBe('table');
  });

  it('makes a view when the header says @materialize view, and rejects other kinds', () => {
    expect(model('silver', 'v', '-- A view.\n-- @materialize view\nSELECT 1 AS a').materialization).toBe('view');
    expect(() => model('silver', 'v', '-- @materialize cache\nSELECT 1')).toThrow(/table or view/);
  });

  it('rejects two statements in one file, unknown tags and files outside the layers', () => {
    expect(() => model('gold', 'x', 'SELECT 1; SELECT 2')).toThrow(/exactly one/);
    expect(() => model('gold', 'x', '-- @colour red\nSELECT 1')).toThrow(/unknown header tag/);
    expect(() => parseSqlModel({ path: 'sql/platinum/x.sql', text: 'SELECT 1' })).toThrow(/bronze\|silver\|gold\|checks/);
  });
});

describe('execution order', () => {
  it('runs every model after the models it reads, checks last', () => {
    const models = [
      model('gold', 'g', 'SELECT * FROM s'),
      model('checks', 'c', 'SELECT * FROM g WHERE false'),
      model('silver', 's', 'SELECT * FROM b'),
      model('bronze', 'b', 'SELECT * FROM raw'),
    ];
    expect(executionOrder(models, ['raw']).map((m) => m.name)).toEqual(['b', 's', 'g', 'c']);
  });

  it('builds the priority models and what they read first, then the rest', () => {
    const models = [
      model('bronze', 'b1', 'SELECT * FROM raw'),
      model('bronze', 'b2', 'SELECT * FROM raw'),
      model('silver', 's1', 'SELECT * FROM b1'),
      model('silver', 's2', 'SELECT * FROM b2'),
      model('gold', 'g1', 'SELECT * FROM s1'),
      model('gold', 'g2', 'SELECT * FROM s2'),
    ];
    expect(executionOrder(models, ['raw']).map((m) => m.name)).toEqual(['b1', 'b2', 's1', 's2', 'g1', 'g2']);
    expect(executionOrder(models, ['raw'], ['g2']).map((m) => m.name)).toEqual(['b2', 's2', 'g2', 'b1', 's1', 'g1']);
    expect(executionOrder(models, ['raw'], ['no_such_model']).map((m) => m.name)).toEqual(['b1', 'b2', 's1', 's2', 'g1', 'g2']);
  });

  it('names an unknown table and a cycle', () => {
    expect(() => executionOrder([model('gold', 'g', 'SELECT * FROM typo')], [])).toThrow(/"typo", which is neither/);
    const cycle = [model('silver', 'a', 'SELECT * FROM b'), model('silver', 'b', 'SELECT * FROM a')];
    expect(() => executionOrder(cycle, [])).toThrow(PipelineDefinitionError);
    expect(() => executionOrder(cycle, [])).toThrow(/cycle among: a, b/);
  });

  it('orders the real sql/ files, every model documented with all of its columns', () => {
    const order = executionOrder(SQL_MODELS, PIPELINE_SOURCES);
    expect(order).toHaveLength(SQL_MODELS.length);
    const position = new Map(order.map((m, i) => [m.name, i]));
    for (const m of order) for (const ref of m.references) if (position.has(ref)) expect(position.get(ref)).toBeLessThan(position.get(m.name)!);
    for (const m of SQL_MODELS) expect(m.description.length, m.path).toBeGreaterThan(10);
  });
});

describe('generic tests declared in headers', () => {
  const withTests = model(
    'silver',
    'facts',
    [
      '-- Facts.',
      '-- @test unique: a, b',
      '-- @test not_null: a',
      '-- @test accepted_values: kind = x, y',
      '-- @test relationships: a -> dims.id',
      '-- @warn expression(positive): b > 0',
      'SELECT 1 AS a, 2 AS b, \'x\' AS kind',
    ].join('\n'),
  );

  it('expands each into a named check on the model, reading the related table too', () => {
    const checks = expandGenericTests([withTests]);
    expect(checks.map((c) => [c.name, c.severity])).toEqual([
      ['unique_facts_a_b', 'error'],
      ['not_null_facts_a', 'error'],
      ['accepted_values_facts_kind', 'error'],
      ['relationships_facts_a', 'error'],
      ['facts_positive', 'warn'],
    ]);
    expect(checks.every((c) => c.layer === 'checks' && c.checkedModel === 'facts')).toBe(true);
    expect(checks[3]!.references).toEqual(['facts', 'dims']);
    expect(checks[2]!.sql).toContain(`NOT IN ('x', 'y')`);
  });

  it('rejects a malformed declaration', () => {
    expect(() => model('gold', 'x', '-- @test uniq: a\nSELECT 1')).toThrow(/@test must look like/);
    expect(() => expandGenericTests([model('gold', 'x', '-- @test relationships: a\nSELECT 1')])).toThrow(/col -> table.column/);
  });
});
