import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/flags';
import { parsePipelineArgs } from '../../../src/cli/pipelineArgs';

describe('npm run pipeline arguments', () => {
  it('reads the generator parameters, output, format and engine', () => {
    const c = parsePipelineArgs(['--seed', '7', '--preset=tiny', '--out', '/tmp/x', '--format', 'csv', '--engine', 'native', '--dirtRate', '0']);
    expect(c).toMatchObject({ out: '/tmp/x', format: 'csv', engine: 'native' });
    expect(c.params).toMatchObject({ seed: 7, preset: 'tiny', accounts: 300, dirtRate: 0 });
  });

  it('defaults to Parquet on DuckDB-WASM with the demo preset', () => {
    expect(parsePipelineArgs(['--out', 'o'])).toMatchObject({ format: 'parquet', engine: 'wasm', params: { preset: 'demo', seed: 42 } });
  });

  it('names every bad argument', () => {
    expect(() => parsePipelineArgs([])).toThrow('--out DIR is required');
    expect(() => parsePipelineArgs(['--out', 'o', '--colour', 'red'])).toThrow('unknown option --colour');
    expect(() => parsePipelineArgs(['--out', 'o', '--seed', 'abc'])).toThrow('--seed must be a number, not "abc"');
    expect(() => parsePipelineArgs(['--out', 'o', '--format', 'xlsx'])).toThrow('--format must be parquet or csv');
    expect(() => parsePipelineArgs(['--out', 'o', '--asOf', '2023-01-01'])).toThrow(/--asOf: asOf must not be before windowStart/);
    expect(() => parsePipelineArgs(['--out'])).toThrow(UsageError);
  });
});
