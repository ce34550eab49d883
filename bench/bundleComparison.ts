import type { BundleChoice } from '../src/engine/bundleChoice';
import type { Figures } from './figures';
import { ms, table } from './format';
import { type Summary, summarize } from './stats';

/** The figures compared between DuckDB builds: the pipeline is what threads could speed up. */
export const COMPARED = ['pipeline.ms', 'generate.ms', 'load.stageMs', 'chart.viewDrawnMs'] as const;

export interface BundleRuns {
  /** What was asked for (?bundle=) and what ran (the engine stage says). */
  requested: BundleChoice;
  ran: string;
  threads: number;
  summary: Partial<Record<(typeof COMPARED)[number], Summary>>;
}

/** DuckDB's threads as the engine stage reports them ("v1.4.3, coi bundle, 4 threads"); 1 when it names none. */
export function threadsFromDetail(detail: string | null | undefined): number {
  const match = /, (\d+) threads\b/.exec(detail ?? '');
  return match ? Number(match[1]) : 1;
}

/** One build's measured runs, summarised (a figure missing from any run is left out). */
export function summarizeBundle(requested: BundleChoice, ran: string, threads: number, runs: readonly Figures[]): BundleRuns {
  const summary: BundleRuns['summary'] = {};
  for (const key of COMPARED) {
    const values = runs.map((r) => r[key]);
    if (values.length > 0 && values.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) summary[key] = summarize(values);
  }
  return { requested, ran, threads, summary };
}

const cell = (s: Summary | undefined) => (s ? `${ms(s.median)} [${ms(s.min)}, ${ms(s.max)}]` : '-');

/** The comparison table: one row per build, medians [min, max], and the pipeline relative to the first build. */
export function renderBundleComparison(preset: string, builds: readonly BundleRuns[]): string {
  const base = builds[0]?.summary['pipeline.ms']?.median;
  const rows = builds.map((b) => {
    const pipeline = b.summary['pipeline.ms']?.median;
    const relative = base && pipeline ? `${((pipeline / base) * 100).toFixed(0)} %` : '-';
    return [`${b.ran}${b.ran === b.requested ? '' : ` (asked ${b.requested})`}`, String(b.threads), cell(b.summary['pipeline.ms']), relative, cell(b.summary['generate.ms']), cell(b.summary['chart.viewDrawnMs'])];
  });
  return [`DuckDB builds compared, preset ${preset} (median [min, max]):`, table(['build', 'threads', 'pipeline', 'vs first', 'generate', 'view drawn at'], rows)].join('\n');
}
