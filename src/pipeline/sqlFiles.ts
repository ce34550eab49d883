import { expandGenericTests } from './genericTests';
import { parseSqlModel, type SqlModel } from './sqlModel';

/**
 * The sql/ files, bundled as text at build time (Vite's import.meta.glob), so the browser
 * and Vitest run exactly the files in the repository.
 */
const files = import.meta.glob('../../sql/**/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const parsed = Object.entries(files)
  .map(([path, text]) => parseSqlModel({ path: path.replace(/^(\.\.\/)+/, ''), text }))
  .sort((a, b) => a.path.localeCompare(b.path));

/** Every model and check: the files, plus the checks their headers declare. */
export const SQL_MODELS: readonly SqlModel[] = [...parsed, ...expandGenericTests(parsed)];
