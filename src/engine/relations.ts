import { type Connector, quoteIdent, quoteLiteral } from './connector';

/**
 * Drops the table or view of that name, if any. DuckDB's DROP TABLE fails on a view and DROP
 * VIEW on a table, and CREATE OR REPLACE cannot turn one into the other, so a relation whose
 * kind may change (a model becoming a view, a raw table stored behind a decoding view) is
 * dropped by its actual kind first.
 */
export async function dropRelation(connector: Connector, name: string): Promise<void> {
  const found = await connector.query(`SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ${quoteLiteral(name)}`);
  const type = found.numRows > 0 ? String(found.getChild('table_type')?.get(0)) : null;
  if (type === 'VIEW') await connector.exec(`DROP VIEW ${quoteIdent(name)}`);
  else if (type !== null) await connector.exec(`DROP TABLE ${quoteIdent(name)}`);
}
