import { type Connector, quoteIdent, quoteLiteral } from '../engine/connector';
import { storageTableOf } from '../generator/rawTables';

/**
 * Streams Arrow IPC chunks into tables: the first chunk of a table creates it (replacing
 * any previous table of that name), the others append. A raw table stored encoded goes to
 * its storage table (rawTables.ts); finishRawLoad then creates its decoding view.
 */
export class TableLoader {
  private readonly created = new Set<string>();
  readonly rowsLoaded = new Map<string, number>();

  constructor(private readonly connector: Connector) {}

  async load(table: string, ipc: Uint8Array, rows: number): Promise<void> {
    const stored = storageTableOf(table);
    if (!this.created.has(table)) {
      if (stored !== table) await this.dropAny(table);
      await this.connector.exec(`DROP TABLE IF EXISTS ${quoteIdent(stored)}`);
    }
    await this.connector.insertArrowIpc(stored, ipc, { create: !this.created.has(table) });
    this.created.add(table);
    this.rowsLoaded.set(table, (this.rowsLoaded.get(table) ?? 0) + rows);
  }

  /** Drops a table or view of that name (DuckDB's DROP VIEW fails on a table and vice versa). */
  private async dropAny(name: string): Promise<void> {
    const found = await this.connector.query(`SELECT table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ${quoteLiteral(name)}`);
    const type = found.numRows > 0 ? String(found.getChild('table_type')?.get(0)) : null;
    if (type === 'VIEW') await this.connector.exec(`DROP VIEW ${quoteIdent(name)}`);
    else if (type !== null) await this.connector.exec(`DROP TABLE ${quoteIdent(name)}`);
  }
}
