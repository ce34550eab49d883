import type { RunSnapshot } from '../src/app/benchmarkProbe';

/**
 * One browser run as flat, named numbers (null when the run did not report it), so runs can
 * be summarised key by key and written to JSON without a schema per figure. Times are in
 * milliseconds; "since navigation" times are performance.now() in the page.
 */
export type Figures = Record<string, number | null>;

type Stage = RunSnapshot['stages'][number];

const duration = (s: Stage | undefined): number | null =>
  s?.startedAt != null && s.endedAt != null ? s.endedAt - s.startedAt : null;

/** Per-table row counts from a stage detail such as "customers 10,000, events 2,090,791 in ...". */
export function parseTableCounts(detail: string | null): Record<string, number> {
  const counts: Record<string, number> = {};
  const list = (detail ?? '').split(' in the worker')[0]!;
  for (const m of list.matchAll(/\b([a-z_]+) (\d[\d,]*)\b/g)) counts[m[1]!] = Number(m[2]!.replaceAll(',', ''));
  return counts;
}

const perSecond = (rows: number | null, ms: number | null): number | null =>
  rows != null && ms != null && ms > 0 ? rows / (ms / 1000) : null;

/** Maps the app's run snapshot (src/app/benchmarkProbe.ts) to the benchmark's figures. */
export function snapshotFigures(snapshot: RunSnapshot): Figures {
  const stage = (id: string) => snapshot.stages.find((s) => s.id === id);
  const engine = stage('engine');
  const generate = stage('generate');
  const load = stage('load');
  const checks = stage('checks');
  const models = snapshot.stages.filter((s) => s.id.startsWith('model:'));

  const counts = parseTableCounts(generate?.detail ?? null);
  const workerMs = /in the workers?(?: \(\d+ side by side\))? in (\d+) ms/.exec(generate?.detail ?? '');
  const workers = /\((\d+) side by side\)/.exec(generate?.detail ?? '');
  const generateMs = duration(generate);
  const events = counts.events ?? null;
  const rows = generate?.count ?? null;

  const figures: Figures = {
    'engine.ms': duration(engine),
    'generate.ms': generateMs,
    'generate.workerMs': workerMs ? Number(workerMs[1]) : null,
    'generate.workers': generate ? (workers ? Number(workers[1]) : 1) : null,
    'generate.events': events,
    'generate.rows': rows,
    'generate.eventsPerSec': perSecond(events, generateMs),
    'generate.rowsPerSec': perSecond(rows, generateMs),
    'load.tailMs': load?.endedAt != null && generate?.endedAt != null ? load.endedAt - generate.endedAt : null,
    'load.stageMs': duration(load),
  };
  let modelSum = 0;
  for (const m of models) {
    const ms = duration(m);
    figures[`${m.id}.ms`] = ms;
    figures[`${m.id}.rows`] = m.count;
    modelSum += ms ?? 0;
  }
  figures['models.ms'] = models.length > 0 ? modelSum : null;
  figures['checks.ms'] = duration(checks);
  figures['checks.count'] = snapshot.checks.length;
  figures['checks.notPassed'] = snapshot.checks.filter((c) => c.status !== 'pass').length;
  const firstModelStart = models[0]?.startedAt ?? null;
  figures['pipeline.ms'] = firstModelStart != null && checks?.endedAt != null ? checks.endedAt - firstModelStart : null;
  // The views open once the last model is built; the checks may still run behind them.
  const modelEnds = models.map((m) => m.endedAt);
  figures['models.doneSinceNavMs'] = models.length > 0 && modelEnds.every((t) => t != null) ? Math.max(...(modelEnds as number[])) : null;
  figures['checks.doneSinceNavMs'] = checks?.endedAt ?? null;

  const drawn = Object.values(snapshot.chartsDrawn);
  figures['chart.firstMs'] = drawn.length > 0 ? Math.min(...drawn) : null;
  // "View drawn" is the last chart to finish: today one chart, later a view of several.
  figures['chart.viewDrawnMs'] = drawn.length > 0 ? Math.max(...drawn) : null;
  figures['chart.count'] = drawn.length;
  return figures;
}

/** Pipeline model names in the order the run reported them. */
export function modelNames(snapshot: RunSnapshot): string[] {
  return snapshot.stages.filter((s) => s.id.startsWith('model:')).map((s) => s.id.slice('model:'.length));
}

/**
 * Figures the app cannot produce yet. They stay in the output as "n/a (not implemented yet)"
 * so that the issues adding filters and exports fill in these keys instead of inventing a
 * new layout; nothing is estimated in the meantime.
 */
export const NOT_IMPLEMENTED = 'n/a (not implemented yet)';
export const PENDING_FIGURES: readonly { key: string; label: string; needs: string }[] = [
  { key: 'export.csvMs', label: 'export CSV', needs: 'exports' },
  { key: 'export.parquetMs', label: 'export Parquet', needs: 'exports' },
  { key: 'export.excelMs', label: 'export Excel', needs: 'exports' },
];

export function pendingFigures(): Record<string, { value: null; status: string; needs: string }> {
  return Object.fromEntries(PENDING_FIGURES.map((f) => [f.key, { value: null, status: NOT_IMPLEMENTED, needs: f.needs }]));
}
