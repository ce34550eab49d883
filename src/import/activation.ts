import { type Connector, quoteIdent, quoteLiteral } from '../engine/connector';
import { qualified } from './importSql';
import { ACTIVITY_MARTS, REVENUE_MARTS, SURVIVAL_MARTS } from './models';

/** What a table the import does not provide would need, for the message a view shows. */
export function needsFor(table: string): string {
  if ((REVENUE_MARTS as readonly string[]).includes(table) || table === 'fct_subscription_months') {
    return 'a transactions table with an amount (or quantity and unit_price), or a subscriptions table';
  }
  if ((ACTIVITY_MARTS as readonly string[]).includes(table) || ['growth_accounting_grains', 'growth_user_days', 'fct_user_days', 'fct_user_months', 'dim_users'].includes(table)) {
    return 'a transactions table (customer_id and occurred_at) or a subscriptions table (account_id and date)';
  }
  if ((SURVIVAL_MARTS as readonly string[]).includes(table) || table === 'survival_table') {
    return 'a customers table (customer_id, duration, churned and optionally segment)';
  }
  return 'the generated data (an import does not provide its sources)';
}

export function missingTableMessage(table: string): string {
  return `${table} is not part of the imported data: it needs ${needsFor(table)}.`;
}

/**
 * Makes an import the data every view reads. Views read tables by their plain names, so the
 * connection's search path puts the import's schema first; and every table of the generated
 * data the import does not replace is shadowed by a view that fails with what the import
 * would need, so no chart ever mixes generated rows into imported ones (DuckDB falls back to
 * the main schema for names the search path does not hold). The shadows read the main
 * table's columns, so a query binds and fails only when it runs, with that message.
 */
export async function activateImport(connector: Connector, schema: string): Promise<void> {
  const own = new Set(
    (await connector.query(`SELECT table_name FROM duckdb_tables() WHERE schema_name = ${quoteLiteral(schema)} AND database_name = current_database()`))
      .toArray()
      .map((r: { table_name: string }) => r.table_name),
  );
  const mainRelations = (
    await connector.query(
      `SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' AND database_name = current_database() AND NOT temporary
       UNION SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND database_name = current_database() AND NOT internal AND NOT temporary`,
    )
  )
    .toArray()
    .map((r: { name: string }) => r.name);
  for (const name of mainRelations) {
    if (own.has(name)) continue;
    await connector.exec(`CREATE OR REPLACE VIEW ${qualified(schema, name)} AS SELECT * FROM main.${quoteIdent(name)} WHERE error(${quoteLiteral(missingTableMessage(name))}) IS NULL`);
  }
  await connector.exec(`SET search_path = ${quoteLiteral(schema)}`);
}

/** Back to the generated data: the default search path; the import's schema is dropped. */
export async function deactivateImport(connector: Connector, schema: string | null): Promise<void> {
  await connector.exec('RESET search_path');
  if (schema !== null) await connector.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
}
