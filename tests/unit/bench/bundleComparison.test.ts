import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../bench/args';
import { renderBundleComparison, summarizeBundle, threadsFromDetail } from '../../../bench/bundleComparison';

describe('bench --bundles', () => {
  it('defaults to auto alone, takes a list once each, and names a bad build', () => {
    expect(parseArgs([]).bundles).toEqual(['auto']);
    expect(parseArgs(['--bundles', 'eh,coi', '--bundle=eh', '--bundles', 'mvp']).bundles).toEqual(['eh', 'coi', 'mvp']);
    expect(() => parseArgs(['--bundles', 'eh,threads'])).toThrow('--bundles must be auto, eh, mvp or coi, got "threads"');
  });
});

describe('bundle comparison', () => {
  it('reads the threads from the engine stage, 1 when it names none', () => {
    expect(threadsFromDetail('v1.4.3, coi bundle, 4 threads')).toBe(4);
    expect(threadsFromDetail('v1.4.3, eh bundle')).toBe(1);
    expect(threadsFromDetail(null)).toBe(1);
  });

  it('summarises each compared figure over the runs and leaves out one a run lacks', () => {
    const build = summarizeBundle('coi', 'coi', 4, [
      { 'pipeline.ms': 9000, 'generate.ms': 4000, 'chart.viewDrawnMs': 10, 'load.stageMs': null },
      { 'pipeline.ms': 7000, 'generate.ms': 5000, 'chart.viewDrawnMs': 30, 'load.stageMs': 5 },
      { 'pipeline.ms': 8000, 'generate.ms': 4500, 'chart.viewDrawnMs': 20, 'load.stageMs': 6 },
    ]);
    expect(build.summary['pipeline.ms']).toEqual({ median: 8000, min: 7000, max: 9000, runs: [9000, 7000, 8000] });
    expect(build.summary['generate.ms']?.median).toBe(4500);
    expect(build.summary['load.stageMs']).toBeUndefined();
  });

  it('renders the pipeline of each build relative to the first, and names a fallback', () => {
    const eh = summarizeBundle('eh', 'eh', 1, [{ 'pipeline.ms': 20_000 }]);
    const coi = summarizeBundle('coi', 'eh', 1, [{ 'pipeline.ms': 15_000 }]);
    const text = renderBundleComparison('demo', [eh, coi]);
    expect(text).toContain('DuckDB builds compared, preset demo');
    const lines = text.split('\n');
    expect(lines.find((l) => l.trim().startsWith('eh ') || l.trim().startsWith('eh\t'))).toMatch(/20,000 ms \[20,000 ms, 20,000 ms\]\s+100 %/);
    expect(lines.find((l) => l.includes('(asked coi)'))).toMatch(/15,000 ms \[15,000 ms, 15,000 ms\]\s+75 %/);
  });
});
