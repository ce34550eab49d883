import { type Connector, quoteIdent } from '../engine/connector';
import { dropRelation } from '../engine/relations';
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
      if (stored !== table) await dropRelation(this.connector, table);
      await this.connector.exec(`DROP TABLE IF EXISTS ${quoteIdent(stored)}`);
    }
    await this.connector.insertArrowIpc(stored, ipc, { create: !this.created.has(table) });
    this.created.add(table);
    this.rowsLoaded.set(table, (this.rowsLoaded.get(table) ?? 0) + rows);
  }
}
