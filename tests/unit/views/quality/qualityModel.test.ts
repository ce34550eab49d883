import { describe, expect, it } from 'vitest';
import { SQL_MODELS } from '../../../../src/pipeline/sqlFiles';
import { checkDescriptions, filterChecks, nextSort, parseSample, sortChecks, statusBarsOption, statusCounts } from '../../../../src/views/quality/qualityModel';
import type { CheckRow } from '../../../../src/views/quality/qualityQueries';

const check = (name: string, model: string | null, status: CheckRow['status'], failingRows: number, durationMs: number): CheckRow => ({
  name,
  model,
  severity: status === 'warn' ? 'warn' : 'error',
  status,
  failingRows,
  sample: '[]',
  durationMs,
});
const rows = [
  check('unique_dim_users_user_id', 'dim_users', 'pass', 0, 3),
  check('not_null_stg_customers_country', 'stg_customers', 'warn', 4, 20),
  check('bridge_identity', 'monthly_revenue', 'fail', 2, 7),
  check('stg_rejects_no_rejected_rows', 'stg_rejects', 'warn', 12, 5),
  check('accepted_values_dim_users_platform', 'dim_users', 'pass', 0, 9),
];

describe('check summary', () => {
  it('counts checks by status and draws them failures first', () => {
    const counts = statusCounts(rows);
    expect(counts).toEqual({ fail: 1, warn: 2, pass: 2 });
    const option = statusBarsOption(counts) as { yAxis: { data: string[] }; series: { data: { value: number }[] }[] };
    expect(option.yAxis.data).toEqual(['Failed', 'Warnings', 'Passed']);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([1, 2, 2]);
  });
});

describe('filter and sort', () => {
  it('filters by status and by every word of the check or model name', () => {
    expect(filterChecks(rows, { status: 'warn', search: '' }).map((r) => r.name)).toEqual(['not_null_stg_customers_country', 'stg_rejects_no_rejected_rows']);
    expect(filterChecks(rows, { status: 'all', search: 'DIM_USERS' }).map((r) => r.name)).toEqual(['unique_dim_users_user_id', 'accepted_values_dim_users_platform']);
    expect(filterChecks(rows, { status: 'all', search: 'monthly_revenue' }).map((r) => r.name)).toEqual(['bridge_identity']);
    expect(filterChecks(rows, { status: 'pass', search: 'users unique' }).map((r) => r.name)).toEqual(['unique_dim_users_user_id']);
    expect(filterChecks(rows, { status: 'fail', search: 'users' })).toEqual([]);
  });

  it('sorts by any column, ties by name, and toggles the direction on a second click', () => {
    expect(sortChecks(rows, { key: 'status', direction: 'ascending' }).map((r) => r.status)).toEqual(['fail', 'warn', 'warn', 'pass', 'pass']);
    expect(sortChecks(rows, { key: 'status', direction: 'ascending' })[3]!.name).toBe('accepted_values_dim_users_platform');
    expect(sortChecks(rows, { key: 'failingRows', direction: 'descending' }).map((r) => r.failingRows)).toEqual([12, 4, 2, 0, 0]);
    expect(sortChecks(rows, { key: 'durationMs', direction: 'ascending' }).map((r) => r.durationMs)).toEqual([3, 5, 7, 9, 20]);
    expect(sortChecks(rows, { key: 'model', direction: 'descending' })[0]!.model).toBe('stg_rejects');
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'failingRows')).toEqual({ key: 'failingRows', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'model')).toEqual({ key: 'model', direction: 'ascending' });
  });
});

describe('samples', () => {
  it('turns the JSON rows into a table, columns in first-seen order, NULL for missing values', () => {
    expect(parseSample('[{"id":1,"country":null},{"id":2,"extra":{"a":1},"country":"US"}]')).toEqual({
      columns: ['id', 'country', 'extra'],
      rows: [
        ['1', 'NULL', 'NULL'],
        ['2', 'US', '{"a":1}'],
      ],
    });
    expect(parseSample('[]')).toEqual({ columns: [], rows: [] });
  });

  it('reports a sample that is not a list of rows', () => {
    expect(parseSample('{"id":1}')).toEqual({ error: 'the sample is not a list of rows' });
    expect(parseSample('[1,2]')).toEqual({ error: 'the sample is not a list of rows' });
    expect('error' in parseSample('[{')).toBe(true);
  });
});

describe('descriptions', () => {
  it('has one for every check, from its SQL header or its generic test', () => {
    const descriptions = checkDescriptions(SQL_MODELS);
    const checks = SQL_MODELS.filter((m) => m.layer === 'checks');
    expect(descriptions.size).toBe(checks.length);
    for (const c of checks) expect(descriptions.get(c.name), c.name).toMatch(/\w{3}/);
    expect(descriptions.get('not_null_stg_customers_country')).toBe('country is never NULL in stg_customers.');
  });
});
