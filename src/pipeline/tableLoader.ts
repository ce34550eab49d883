import { type Connector, quoteIdent } from '../engine/connector';

/**
 * Streams Arrow IPC chunks into tables: the first chunk of a table creates it (replacing
 * any previous table of that name), the others append.
 */
export class TableLoader {
  private readonly created = new Set<string>();
  readonly rowsLoaded = new Map<string, number>();

  constructor(private readonly connector: Connector) {}

  async load(table: string, ipc: Uint8Array, rows: number): Promise<void> {
    if (!this.created.has(table)) await this.connector.exec(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
    await this.connector.insertArrowIpc(table, ipc, { create: !this.created.has(table) });
    this.created.add(table);
    this.rowsLoaded.set(table, (this.rowsLoaded.get(table) ?? 0) + rows);
  }
}
