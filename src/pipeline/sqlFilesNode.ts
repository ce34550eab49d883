import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelsFromSources } from './genericTests';
import type { SqlModel } from './sqlModel';

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function sqlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sqlFilesUnder(path);
    return entry.isFile() && entry.name.endsWith('.sql') ? [path] : [];
  });
}

/**
 * The sql/ files read from disk, for Node outside Vite (the bench runs under tsx, where
 * sqlFiles.ts's import.meta.glob does not exist). Same parsing, order and header-declared
 * checks as sqlFiles.ts; a unit test holds the two equal.
 */
export function loadSqlModels(root: string = REPO_ROOT): SqlModel[] {
  return modelsFromSources(sqlFilesUnder(join(root, 'sql')).map((file) => ({ path: relative(root, file).split('\\').join('/'), text: readFileSync(file, 'utf8') })));
}
