import { type Mapping, ROLES, type Role, type TableKind } from './roles';
import type { ImportSpec } from './rules';

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./=,:@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The `--map` value: role=column pairs in the order of the kind's roles. */
export function formatMapping(kind: TableKind, mapping: Mapping): string {
  return ROLES[kind]
    .filter((r) => mapping[r.role] !== undefined)
    .map((r) => `${r.role}=${mapping[r.role]!}`)
    .join(',');
}

/**
 * Parses a `--map` value. A pair ends at a comma followed by another role name and '=', so a
 * column name may itself hold commas or '=' signs.
 */
export function parseMapping(kind: TableKind, text: string): Mapping {
  const roles = ROLES[kind].map((r) => r.role);
  const all: Role[] = ['customer_id', 'occurred_at', 'event_name', 'order_id', 'amount', 'quantity', 'unit_price', 'account_id', 'date', 'plan', 'duration', 'churned', 'segment'];
  const parts = text.split(new RegExp(`,(?=(?:${all.join('|')})=)`));
  const mapping: Mapping = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`--map: "${part}" is not ROLE=COLUMN`);
    const role = part.slice(0, eq) as Role;
    const column = part.slice(eq + 1);
    if (!roles.includes(role)) throw new Error(`--map: ${role} is not a role of a ${kind} table (roles: ${roles.join(', ')})`);
    if (column === '') throw new Error(`--map: ${role} has no column`);
    if (mapping[role] !== undefined) throw new Error(`--map: ${role} is mapped twice`);
    mapping[role] = column;
  }
  return mapping;
}

/** The command that replays an import made in the app on the same (or a bigger) file in Node. */
export function importCommandLine(fileName: string, spec: ImportSpec, options: { delimiter?: string; encoding?: string } = {}): string {
  const words = ['npm', 'run', 'pipeline', '--', '--import', fileName, '--role', spec.kind, '--map', formatMapping(spec.kind, spec.mapping)];
  if (spec.kind !== 'customers' && spec.dateFormat !== 'iso') words.push('--date-format', spec.dateFormat);
  if (options.delimiter !== undefined) words.push('--delimiter', options.delimiter === '\t' ? 'tab' : options.delimiter);
  if (options.encoding !== undefined && options.encoding !== 'utf-8') words.push('--encoding', options.encoding);
  if (spec.rules.excludeOrderPattern !== null) words.push('--exclude-orders', spec.rules.excludeOrderPattern);
  if (spec.rules.excludeNegative) words.push('--exclude-negative');
  if (spec.rules.dedupe) words.push('--dedupe');
  words.push('--format', 'csv', '--out', 'out');
  return words.map(shellQuote).join(' ');
}
