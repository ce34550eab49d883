/**
 * A DuckDB error as the user should read it. DuckDB-WASM passes some errors (parser errors)
 * as DuckDB's structured JSON, `{"exception_type":"Parser","exception_message":"…",
 * "position":"14"}`, sometimes twice in a row; others arrive as plain text. Both become
 * "Parser Error: …", with the position when DuckDB gave one (a byte offset into the SQL).
 */
export function readDuckDbError(raw: string): { message: string; bytePosition: number | null } {
  const json = firstJsonObject(raw.trim());
  if (json) {
    try {
      const parsed: unknown = JSON.parse(json);
      if (typeof parsed === 'object' && parsed !== null && 'exception_message' in parsed && typeof parsed.exception_message === 'string') {
        const type = 'exception_type' in parsed && typeof parsed.exception_type === 'string' ? parsed.exception_type : '';
        const position = 'position' in parsed ? Number(parsed.position) : NaN;
        return { message: `${type ? `${type} Error: ` : ''}${parsed.exception_message}`, bytePosition: Number.isInteger(position) && position >= 0 ? position : null };
      }
    } catch {
      // Not JSON after all: the text is the message.
    }
  }
  return { message: raw, bytePosition: null };
}

/** The first balanced {...} at the start of `text` (braces inside strings do not count). */
function firstJsonObject(text: string): string | null {
  if (!text.startsWith('{')) return null;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return text.slice(0, i + 1);
  }
  return null;
}

/** DuckDB counts positions in UTF-8 bytes; the editor in characters (UTF-16 code units). */
export function byteToCharOffset(sql: string, bytes: number): number {
  let count = 0;
  let i = 0;
  while (i < sql.length && count < bytes) {
    const code = sql.codePointAt(i)!;
    count += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    i += code > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * Where in the SQL a DuckDB error points. DuckDB appends the offending line and a caret:
 *
 *     Binder Error: Referenced column "foo" not found in FROM clause!
 *
 *     LINE 2:   foo FROM range(3)
 *               ^
 *
 * A long line is cut around the error and marked with "..." at either end, so the caret's
 * column is found by locating the shown snippet in the real line, not by counting from 0.
 * Returns a character offset into `sql`, or null when the message names no position.
 */
export function errorOffset(message: string, sql: string): number | null {
  const lines = message.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const match = /^LINE (\d+): (.*)$/.exec(lines[i]!);
    if (!match) continue;
    const caretColumn = lines[i + 1]!.indexOf('^');
    if (caretColumn < 0) continue;
    const lineNumber = Number(match[1]);
    const headerLength = lines[i]!.length - match[2]!.length;
    return offsetInLine(sql, lineNumber, match[2]!, caretColumn - headerLength);
  }
  if (/at end of input/.test(message)) return sql.trimEnd().length;
  const position = /at position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), sql.length);
  return null;
}

function offsetInLine(sql: string, lineNumber: number, snippet: string, snippetColumn: number): number | null {
  const sqlLines = sql.split('\n');
  if (lineNumber < 1 || lineNumber > sqlLines.length || snippetColumn < 0) return null;
  const lineStart = sqlLines.slice(0, lineNumber - 1).reduce((sum, line) => sum + line.length + 1, 0);
  const lineText = sqlLines[lineNumber - 1]!;
  const cutStart = snippet.startsWith('...');
  const core = snippet.slice(cutStart ? 3 : 0, snippet.endsWith('...') ? -3 : undefined);
  const coreStart = cutStart ? lineText.indexOf(core) : 0;
  if (coreStart < 0) return null;
  const column = coreStart + snippetColumn - (cutStart ? 3 : 0);
  return lineStart + Math.max(0, Math.min(column, lineText.length));
}

/** The message without DuckDB's "LINE n:" snippet (the editor marks the spot instead), trimmed. */
export function errorSummary(message: string): string {
  const cut = message.search(/\n\s*LINE \d+: /);
  return (cut >= 0 ? message.slice(0, cut) : message).trim();
}
