import { modelsFromSources } from './genericTests';
import type { SqlModel } from './sqlModel';

/**
 * The sql/ files, bundled as text at build time (Vite's import.meta.glob), so the browser
 * and Vitest run exactly the files in the repository.
 */
const files = import.meta.glob('../../sql/**/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Every model and check: the files, plus the checks their headers declare. */
export const SQL_MODELS: readonly SqlModel[] = modelsFromSources(
  Object.entries(files).map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+/, ''), text })),
);
