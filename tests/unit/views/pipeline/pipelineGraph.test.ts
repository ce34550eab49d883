import { describe, expect, it } from 'vitest';
import { PIPELINE_SOURCES } from '../../../../src/pipeline/sources';
import { SQL_MODELS } from '../../../../src/pipeline/sqlFiles';
import { parseSqlModel } from '../../../../src/pipeline/sqlModel';
import type { Stage } from '../../../../src/state/sessionSlice';
import { graphHeight, lineageOption, nodeSize } from '../../../../src/views/pipeline/pipelineChart';
import { allDownstream, allUpstream, downstreamMap, type GraphNode, layeredLayout, lineage, matchingNodes, modelTimings } from '../../../../src/views/pipeline/pipelineGraph';

const model = (path: string, sql: string) => parseSqlModel({ path, text: `-- ${path}\n${sql}` });

// A hand-made pipeline: two raw tables, two bronze, a silver chain of two, one gold, one check.
const models = [
  model('sql/bronze/stg_a.sql', 'SELECT * FROM raw_a'),
  model('sql/bronze/stg_b.sql', 'SELECT * FROM raw_b'),
  model('sql/silver/dim_x.sql', 'SELECT * FROM stg_a JOIN stg_b USING (id)'),
  model('sql/silver/fct_y.sql', 'SELECT * FROM dim_x JOIN stg_b USING (id)'),
  model('sql/gold/mart_z.sql', 'SELECT * FROM fct_y'),
  model('sql/checks/z_ok.sql', 'SELECT * FROM mart_z WHERE false'),
];
const sources = ['raw_a', 'raw_b', 'raw_unused'];

describe('lineage', () => {
  it('has the models (no checks) and the source tables they read, with their direct upstream', () => {
    const nodes = lineage(models, sources);
    expect(nodes.map((n) => [n.name, n.layer, n.upstream.join('+')])).toEqual([
      ['raw_a', 'raw', ''],
      ['raw_b', 'raw', ''],
      ['stg_a', 'bronze', 'raw_a'],
      ['stg_b', 'bronze', 'raw_b'],
      ['dim_x', 'silver', 'stg_a+stg_b'],
      ['fct_y', 'silver', 'dim_x+stg_b'],
      ['mart_z', 'gold', 'fct_y'],
    ]);
  });

  it('places layers in contiguous columns, a model after the same-layer models it reads', () => {
    const placed = layeredLayout(lineage(models, sources));
    expect(Object.fromEntries(placed.map((p) => [p.name, [p.column, p.row]]))).toEqual({
      raw_a: [0, 0],
      raw_b: [0, 1],
      stg_a: [1, 0],
      stg_b: [1, 1],
      dim_x: [2, 0],
      fct_y: [3, 0],
      mart_z: [4, 0],
    });
  });

  it('orders a column by the mean row of each node upstream', () => {
    const nodes: GraphNode[] = [
      { name: 'a', layer: 'raw', upstream: [] },
      { name: 'b', layer: 'raw', upstream: [] },
      { name: 'c', layer: 'raw', upstream: [] },
      // By name p, q, r; by the rows they read (c = 2, a = 0, b = 1): q, r, p.
      { name: 'p', layer: 'bronze', upstream: ['c'] },
      { name: 'q', layer: 'bronze', upstream: ['a'] },
      { name: 'r', layer: 'bronze', upstream: ['b', 'c'] },
    ];
    const rows = Object.fromEntries(layeredLayout(nodes).map((p) => [p.name, p.row]));
    expect([rows.q, rows.r, rows.p]).toEqual([0, 1, 2]);
  });

  it('draws a model that reads a later layer in that layer band, after what it reads', () => {
    const nodes: GraphNode[] = [
      { name: 's1', layer: 'silver', upstream: [] },
      { name: 'g1', layer: 'gold', upstream: ['s1'] },
      { name: 's2', layer: 'silver', upstream: ['g1'] },
      { name: 'g2', layer: 'gold', upstream: ['s2'] },
    ];
    expect(layeredLayout(nodes).map((p) => [p.name, p.band, p.column])).toEqual([
      ['s1', 'silver', 0],
      ['g1', 'gold', 1],
      ['s2', 'gold', 2],
      ['g2', 'gold', 3],
    ]);
  });

  it('refuses a cycle', () => {
    expect(() =>
      layeredLayout([
        { name: 'a', layer: 'silver', upstream: ['b'] },
        { name: 'b', layer: 'silver', upstream: ['a'] },
      ]),
    ).toThrow(/cycle/);
  });

  it('lays out the real pipeline with every edge pointing right and no two nodes in one place', () => {
    const placed = layeredLayout(lineage(SQL_MODELS, PIPELINE_SOURCES));
    const at = new Map(placed.map((p) => [p.name, p]));
    expect(placed.filter((p) => p.layer !== 'raw').length).toBe(SQL_MODELS.filter((m) => m.layer !== 'checks').length);
    for (const p of placed) for (const u of p.upstream) expect(at.get(u)!.column, `${u} -> ${p.name}`).toBeLessThan(p.column);
    expect(new Set(placed.map((p) => `${p.column},${p.row}`)).size).toBe(placed.length);
    // Bands keep to their own columns, in order; only a model reading a later layer leaves its layer's band.
    const span = (band: string) => placed.filter((p) => p.band === band).map((p) => p.column);
    expect(Math.max(...span('raw'))).toBeLessThan(Math.min(...span('bronze')));
    expect(Math.max(...span('bronze'))).toBeLessThan(Math.min(...span('silver')));
    expect(Math.max(...span('silver'))).toBeLessThan(Math.min(...span('gold')));
    for (const p of placed.filter((n) => n.band !== n.layer)) {
      expect(p.upstream.some((u) => at.get(u)!.band === p.band), p.name).toBe(true);
    }
    expect(placed.filter((n) => n.band === n.layer).length).toBeGreaterThan(placed.length * 0.9);
  });
});

describe('neighbours', () => {
  const nodes = lineage(models, sources);
  it('lists direct readers and the full upstream and downstream closures', () => {
    expect(downstreamMap(nodes).get('stg_b')).toEqual(['dim_x', 'fct_y']);
    expect(allUpstream('fct_y', nodes)).toEqual(['dim_x', 'raw_a', 'raw_b', 'stg_a', 'stg_b']);
    expect(allDownstream('stg_a', nodes)).toEqual(['dim_x', 'fct_y', 'mart_z']);
    expect(allDownstream('mart_z', nodes)).toEqual([]);
  });

  it('finds models by every word of the search', () => {
    expect([...matchingNodes(nodes, 'STG')]).toEqual(['stg_a', 'stg_b']);
    expect([...matchingNodes(nodes, 'stg b')]).toEqual(['stg_b']);
    expect(matchingNodes(nodes, '  ').size).toBe(nodes.length);
  });
});

const stage = (id: string, startedAt: number | null, endedAt: number | null, count: number | null, status: Stage['status'] = 'done'): Stage => ({ id, label: id, status, startedAt, endedAt, count, detail: null });

describe('timings', () => {
  it('reads each model stage duration and rows, and ignores other stages', () => {
    const timings = modelTimings([stage('load', 0, 100, 5000), stage('model:stg_a', 100, 112.5, 300), stage('model:dim_x', 120, null, null, 'running'), stage('checks', 200, 300, 40)]);
    expect([...timings.keys()]).toEqual(['stg_a', 'dim_x']);
    expect(timings.get('stg_a')).toEqual({ durationMs: 12.5, rows: 300, status: 'done' });
    expect(timings.get('dim_x')).toEqual({ durationMs: null, rows: null, status: 'running' });
  });
});

describe('lineage chart', () => {
  const placed = layeredLayout(lineage(models, sources));
  const timings = modelTimings([stage('model:stg_a', 0, 999, 1), stage('model:mart_z', 0, 9, 1)]);
  type Option = { series: { data: { name: string; x: number; y: number; symbolSize: number; itemStyle: { opacity: number; borderWidth: number }; label: { show: boolean } }[]; links: { source: string; target: string; lineStyle?: { width: number } }[] }[] };

  it('draws a node per table at its column and row, and an edge per read', () => {
    const option = lineageOption(placed, timings, { selected: null, matches: new Set(placed.map((p) => p.name)) }) as Option;
    const data = option.series[0]!.data;
    expect(data.map((d) => d.name)).toEqual(placed.map((p) => p.name));
    expect(data.find((d) => d.name === 'fct_y')).toMatchObject({ x: 300, y: 0 });
    expect(option.series[0]!.links).toHaveLength(7);
    expect(data.find((d) => d.name === 'stg_a')!.symbolSize).toBeCloseTo(20, 6);
    expect(data.every((d) => d.label.show && d.itemStyle.opacity === 1)).toBe(true);
  });

  it('fades what the search leaves out and marks the selected node and its edges', () => {
    const option = lineageOption(placed, timings, { selected: 'dim_x', matches: new Set(['mart_z']) }) as Option;
    const data = option.series[0]!.data;
    expect(data.find((d) => d.name === 'stg_a')!.itemStyle.opacity).toBe(0.2);
    expect(data.find((d) => d.name === 'mart_z')!.itemStyle.opacity).toBe(1);
    expect(data.find((d) => d.name === 'dim_x')!.itemStyle.borderWidth).toBe(3);
    expect(option.series[0]!.links.filter((l) => l.lineStyle?.width === 2).map((l) => `${l.source}>${l.target}`)).toEqual(['stg_a>dim_x', 'stg_b>dim_x', 'dim_x>fct_y']);
  });

  it('sizes nodes by the log of build time and the chart by its fullest column', () => {
    expect(nodeSize(null)).toBe(8);
    expect(nodeSize(0)).toBe(8);
    expect(nodeSize(99)).toBeCloseTo(16, 9);
    expect(graphHeight(placed)).toBe(320);
    expect(graphHeight(Array.from({ length: 20 }, (_, i) => ({ ...placed[0]!, row: i })))).toBe(20 * 24 + 60);
  });
});
