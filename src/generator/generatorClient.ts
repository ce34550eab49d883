import { GeneratorPool, type PoolOptions } from './generatorPool';
import type { GeneratorWorker } from './generatorPoolRun';

export {
  type ChunkMessage,
  type GenerateOptions,
  GenerationCancelledError,
  type GenerationResult,
  GENERATOR_STALL_MS,
  generatorCount,
  GeneratorPool,
  type GeneratorWorker,
} from './generatorPool';

/** One real generator worker (the bundler finds the worker file by this URL). */
const spawnWorker = (): GeneratorWorker => new Worker(new URL('./generator.worker.ts', import.meta.url), { type: 'module', name: 'growthbench-generator' });

/** A pool of real generator workers. */
export function createGeneratorPool(options: Partial<PoolOptions> = {}): GeneratorPool {
  return new GeneratorPool({ spawn: spawnWorker, ...options });
}

let pagePool: GeneratorPool | null = null;

/** The page's own pool, kept for its lifetime so that every regeneration finds warm workers. */
export function pageGeneratorPool(): GeneratorPool {
  pagePool ??= createGeneratorPool();
  return pagePool;
}
