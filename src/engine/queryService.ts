import type { Table } from 'apache-arrow';
import type { Connector } from './connector';
import { SerialQueue } from './serialQueue';

export class StaleQueryError extends Error {
  override name = 'StaleQueryError';
  constructor() {
    super('A newer query replaced this one');
  }
}

export class QueryCancelledError extends Error {
  override name = 'QueryCancelledError';
  constructor() {
    super('The query was cancelled');
  }
}

/**
 * What the views talk to instead of the database. Results are cached by SQL text. Each
 * `slot` (one chart, say) keeps only its newest request: an older one still waiting in the
 * queue is dropped before it runs, and one already running is cancelled.
 */
export class QueryService {
  private readonly cache = new Map<string, Table>();
  private readonly latestBySlot = new Map<string, number>();
  private readonly queue = new SerialQueue();
  private sequence = 0;
  private running: number | null = null;

  constructor(private readonly connector: Connector) {}

  async query(sql: string, slot?: string): Promise<Table> {
    const ticket = ++this.sequence;
    if (slot !== undefined) {
      const previous = this.latestBySlot.get(slot);
      this.latestBySlot.set(slot, ticket);
      if (previous !== undefined && this.running === previous) void this.connector.cancel();
    }
    const cached = this.cache.get(sql);
    if (cached) return cached;
    const isStale = () => slot !== undefined && this.latestBySlot.get(slot) !== ticket;
    return this.queue.run(async () => {
      if (isStale()) throw new StaleQueryError();
      const hit = this.cache.get(sql);
      if (hit) return hit;
      this.running = ticket;
      try {
        const table = await this.connector.query(sql);
        this.cache.set(sql, table);
        if (isStale()) throw new StaleQueryError();
        return table;
      } finally {
        this.running = null;
      }
    });
  }

  /**
   * Runs `sql` in turn with the views' queries but keeps no copy of the result: exports read
   * large tables slice by slice, once, and caching them would hold the whole table.
   */
  queryUncached(sql: string, signal?: AbortSignal): Promise<Table> {
    return this.queue.run(async () => {
      // `signal` (the SQL console's Cancel): dropped while waiting, cancelled while running.
      if (signal?.aborted) throw new QueryCancelledError();
      const ticket = ++this.sequence;
      this.running = ticket;
      const cancel = () => {
        if (this.running === ticket) void this.connector.cancel();
      };
      signal?.addEventListener('abort', cancel);
      try {
        return await this.connector.query(sql);
      } catch (error) {
        throw signal?.aborted ? new QueryCancelledError() : error;
      } finally {
        this.running = null;
        signal?.removeEventListener('abort', cancel);
      }
    });
  }

  /** Forgets cached results, e.g. after the data changed. */
  invalidate(): void {
    this.cache.clear();
  }
}
