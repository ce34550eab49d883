/**
 * Whether a console statement only reads. Anything else (CREATE, INSERT, DROP, …) may change
 * tables the views have cached results of, so their cache is dropped after it runs; and only a
 * read can be re-run by an export.
 */
export function isReadOnly(sql: string): boolean {
  const text = stripComments(sql).trim().replace(/;\s*$/, '');
  if (text.includes(';')) return false;
  return /^(SELECT|WITH|FROM|VALUES|TABLE|DESCRIBE|SHOW|SUMMARIZE|EXPLAIN|PIVOT|UNPIVOT|\()/i.test(text);
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
}

/** The SQL without a final semicolon, so it can be embedded as a subquery by exports. */
export function withoutTrailingSemicolon(sql: string): string {
  return stripComments(sql).trim().replace(/;\s*$/, '').trim();
}

/** What the console opens with the first time. */
export const DEFAULT_CONSOLE_SQL = `-- Ctrl+Enter (Cmd+Enter) runs the selection, or everything.
SELECT month, end_mrr, paying_accounts_end
FROM monthly_revenue
ORDER BY month;`;
