import { describe, expect, it } from 'vitest';
import type { RunSnapshot } from '../../../src/app/benchmarkProbe';
import { modelNames, NOT_IMPLEMENTED, parseTableCounts, pendingFigures, snapshotFigures } from '../../../bench/figures';
import { memoryFigures } from '../../../bench/browserRun';
import { compareModels, type BrowserResult } from '../../../bench/report';
import type { NativeResult } from '../../../bench/nativeRun';
import { summarizeRecords } from '../../../bench/stats';

const stage = (id: string, startedAt: number | null, endedAt: number | null, count: number | null = null, detail: string | null = null) => ({
  id,
  label: id,
  status: endedAt === null ? 'running' : 'done',
  startedAt,
  endedAt,
  count,
  detail,
});

/** A demo-sized run as the app reports it: times are performance.now() since navigation. */
const SNAPSHOT: RunSnapshot = {
  status: 'ready',
  runId: 1,
  params: null,
  engine: { bundle: 'eh', version: 'v1.4.3' },
  error: null,
  stages: [
    stage('engine', 100, 1600, null, 'v1.4.3, eh bundle'),
    stage('generate', 1600, 5600, 2_131_059, 'customers 10,000, users 30,268, events 2,090,791 in the worker in 3950 ms'),
    stage('load', 1600, 5650, 2_131_059, 'customers 10,000, users 30,268, events 2,090,791'),
    stage('model:stg_events', 5700, 9100, 2_090_791),
    stage('model:dim_users', 9100, 9700, 30_268),
    stage('checks', 9700, 10_400, 14, '14 of 14 passed'),
  ],
  checks: [
    { name: 'a', status: 'pass', failingRows: 0, durationMs: 10 },
    { name: 'b', status: 'warn', failingRows: 2, durationMs: 10 },
  ],
  chartsDrawn: { 'retention-heatmap': 11_000, overview: 11_600 },
  chunkHashes: {},
};

describe('mapping a run snapshot to benchmark figures', () => {
  const f = snapshotFigures(SNAPSHOT);

  it('reads table counts from the generate stage detail, not the worker time', () => {
    expect(parseTableCounts(SNAPSHOT.stages[1]!.detail)).toEqual({ customers: 10_000, users: 30_268, events: 2_090_791 });
    expect(parseTableCounts(null)).toEqual({});
  });

  it('times the stages and derives the generation rate from events and the generate stage', () => {
    expect(f['engine.ms']).toBe(1500);
    expect(f['generate.ms']).toBe(4000);
    expect(f['generate.workerMs']).toBe(3950);
    expect(f['generate.workers']).toBe(1);
    expect(f['generate.events']).toBe(2_090_791);
    expect(f['generate.eventsPerSec']).toBeCloseTo(2_090_791 / 4);
    expect(f['generate.rowsPerSec']).toBeCloseTo(2_131_059 / 4);
  });

  it('reads the number of generators that shared the run and their time', () => {
    const detail = 'customers 10,000, users 30,268, events 2,090,791 in the workers (2 side by side) in 2100 ms';
    const parallel = snapshotFigures({ ...SNAPSHOT, stages: SNAPSHOT.stages.map((s) => (s.id === 'generate' ? { ...s, detail } : s)) });
    expect(parallel['generate.workers']).toBe(2);
    expect(parallel['generate.workerMs']).toBe(2100);
    expect(parseTableCounts(detail).events).toBe(2_090_791);
  });

  it('splits loading into the tail after generation and the whole overlapped stage', () => {
    expect(f['load.tailMs']).toBe(50);
    expect(f['load.stageMs']).toBe(4050);
  });

  it('times each model, the checks and the pipeline', () => {
    expect(f['model:stg_events.ms']).toBe(3400);
    expect(f['model:stg_events.rows']).toBe(2_090_791);
    expect(f['model:dim_users.ms']).toBe(600);
    expect(f['models.ms']).toBe(4000);
    expect(f['checks.ms']).toBe(700);
    expect(f['checks.count']).toBe(2);
    expect(f['checks.notPassed']).toBe(1);
    expect(f['pipeline.ms']).toBe(4700);
    expect(f['models.doneSinceNavMs']).toBe(9700);
    expect(f['checks.doneSinceNavMs']).toBe(10_400);
    expect(modelNames(SNAPSHOT)).toEqual(['stg_events', 'dim_users']);
  });

  it('takes the first chart drawn and the view drawn as the last of all charts', () => {
    expect(f['chart.firstMs']).toBe(11_000);
    expect(f['chart.viewDrawnMs']).toBe(11_600);
    expect(f['chart.count']).toBe(2);
  });

  it('reports null, not zero, for what a run did not reach', () => {
    const early = snapshotFigures({ ...SNAPSHOT, status: 'running', stages: [stage('engine', 100, null)], chartsDrawn: {} });
    expect(early['engine.ms']).toBeNull();
    expect(early['generate.eventsPerSec']).toBeNull();
    expect(early['models.ms']).toBeNull();
    expect(early['chart.viewDrawnMs']).toBeNull();
  });

  it('names memory peaks per worker', () => {
    const m = memoryFigures({ pageJsHeap: 10, workerJsHeap: { 'generator.worker': 20 }, wasm: { 'duckdb-browser-eh.worker': 30 }, rendererRss: 40, rendererRssSum: 50, samples: 3 });
    expect(m).toEqual({
      'memory.pageJsHeapPeak': 10,
      'memory.rendererRssPeak': 40,
      'memory.rendererRssSumPeak': 50,
      'memory.workerJsHeapPeak:generator.worker': 20,
      'memory.wasm:duckdb-browser-eh.worker': 30,
    });
  });

  it('keeps figures the app cannot produce yet as explicit n/a entries', () => {
    const pending = pendingFigures();
    // Measured by bench/viewTimings.ts since the filters exist.
    expect(Object.keys(pending)).not.toContain('filter.changeToRedrawMs');
    expect(Object.keys(pending)).toContain('export.excelMs');
    for (const entry of Object.values(pending)) expect(entry).toMatchObject({ value: null, status: NOT_IMPLEMENTED });
  });
});

describe('lining up WASM and native model times', () => {
  it('divides the WASM median by the native one-thread median, model by model and in total', () => {
    const browser: BrowserResult = {
      engine: null,
      models: ['stg_events'],
      warmup: {},
      runs: [],
      summary: summarizeRecords([
        { 'model:stg_events.ms': 3000, 'model:stg_events.rows': 5, 'models.ms': 3000, 'checks.ms': 600, 'pipeline.ms': 3600 },
        { 'model:stg_events.ms': 3400, 'model:stg_events.rows': 5, 'models.ms': 3400, 'checks.ms': 700, 'pipeline.ms': 4100 },
        { 'model:stg_events.ms': 3200, 'model:stg_events.rows': 5, 'models.ms': 3200, 'checks.ms': 800, 'pipeline.ms': 4000 },
      ]),
    };
    const mode = (msEvents: number, threads: number) => ({
      threads,
      runs: [],
      summary: summarizeRecords([{ 'model:stg_events.ms': msEvents, 'model:stg_events.rows': 5, 'models.ms': msEvents, 'checks.ms': 200, 'pipeline.ms': msEvents + 200 }]),
    });
    const native = { oneThread: mode(1600, 1), allThreads: mode(1000, 2) } as unknown as NativeResult;
    const [events, models, checks, total] = compareModels(browser, native);
    expect(events).toEqual({ model: 'stg_events', rowsWasm: 5, rowsNative: 5, wasmMs: 3200, native1Ms: 1600, nativeAllMs: 1000, wasmOverNative1: 2 });
    expect(models!.model).toBe('models total');
    expect(checks!.wasmOverNative1).toBeCloseTo(3.5);
    expect(total!.wasmMs).toBe(4000);
    expect(compareModels(browser, null)[0]!.native1Ms).toBeNull();
  });
});
