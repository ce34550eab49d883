/**
 * The tables and columns the editor completes, in the shape @codemirror/lang-sql takes
 * (`{ table: [columns] }`), from information_schema.columns rows. Tables of the main schema
 * (temporary tables too) are completed by their bare name, those of other schemas (an
 * import's own schema, say) as schema.table, as DuckDB resolves them.
 */
export const SCHEMA_SQL = `SELECT table_schema, table_name, column_name
FROM information_schema.columns
WHERE table_schema NOT IN ('information_schema', 'pg_catalog')
ORDER BY table_schema, table_name, ordinal_position`;

export interface ColumnRow {
  table_schema: string;
  table_name: string;
  column_name: string;
}

export function completionSchema(rows: readonly ColumnRow[]): Record<string, string[]> {
  const schema: Record<string, string[]> = {};
  for (const row of rows) {
    const table = row.table_schema === 'main' ? row.table_name : `${row.table_schema}.${row.table_name}`;
    (schema[table] ??= []).push(row.column_name);
  }
  return schema;
}
