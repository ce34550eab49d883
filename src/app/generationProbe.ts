import { createGeneratorPool, type GeneratorPool, pageGeneratorPool } from '../generator/generatorClient';
import type { GeneratorParams } from '../generator/params';

export interface GenerationRate {
  events: number;
  rows: number;
  /** From the request to the last chunk received by the page. */
  ms: number;
  workers: number;
}

/**
 * Bench hook: generation plus transfer to the page alone; the chunks are dropped, nothing is
 * loaded. It shows the generator's rate apart from DuckDB's inserts, which a real run overlaps
 * with it. `cold`: a fresh pool of the app's size, terminated after (a first generation: worker
 * start-up and cold JIT); `warm`: the page's own pool, as a regeneration finds it.
 */
export async function generateOnly(params: Partial<GeneratorParams>, pool: 'cold' | 'warm'): Promise<GenerationRate> {
  const generators: GeneratorPool = pool === 'cold' ? createGeneratorPool() : pageGeneratorPool();
  let events = 0;
  let rows = 0;
  const started = performance.now();
  try {
    const result = await generators.generate(params, {
      onChunk: async (chunk) => {
        rows += chunk.rows;
        if (chunk.table === 'events') events += chunk.rows;
      },
    });
    return { events, rows, ms: performance.now() - started, workers: result.workers };
  } finally {
    if (pool === 'cold') generators.dispose();
  }
}

/** Test hook: the page's generator workers, all and idle (kept warm between runs). */
export function generatorPoolState(): { workers: number; idle: number } {
  const pool = pageGeneratorPool();
  return { workers: pool.workers, idle: pool.idleWorkers };
}
