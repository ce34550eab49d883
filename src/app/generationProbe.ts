import { generateInWorker } from '../generator/generatorClient';
import type { GeneratorParams } from '../generator/params';

export interface GenerationRate {
  events: number;
  rows: number;
  /** From the request to the last chunk received by the page. */
  ms: number;
  workers: number;
}

/**
 * Bench hook: generation plus transfer to the page alone, in fresh workers as a run starts
 * them; the chunks are dropped, nothing is loaded. It shows the generator's rate apart from
 * DuckDB's inserts, which a real run overlaps with it.
 */
export async function generateOnly(params: Partial<GeneratorParams>, workers?: number): Promise<GenerationRate> {
  let events = 0;
  let rows = 0;
  const started = performance.now();
  const result = await generateInWorker(params, {
    ...(workers === undefined ? {} : { workers }),
    onChunk: async (chunk) => {
      rows += chunk.rows;
      if (chunk.table === 'events') events += chunk.rows;
    },
  });
  return { events, rows, ms: performance.now() - started, workers: result.workers };
}
