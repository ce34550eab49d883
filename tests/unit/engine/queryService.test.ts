import { Table, tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/engine/connector';
import { QueryService, StaleQueryError } from '../../../src/engine/queryService';

/** A connector whose queries finish only when the test says so. */
function fakeConnector() {
  const pending: { sql: string; resolve: (t: Table) => void }[] = [];
  let cancels = 0;
  const connector: Connector = {
    exec: async () => undefined,
    query: (sql) => new Promise<Table>((resolve) => pending.push({ sql, resolve })),
    cancel: async () => {
      cancels++;
      return true;
    },
    insertArrowIpc: async () => undefined,
  };
  return { connector, pending, cancels: () => cancels };
}

const result = (n: number) => tableFromArrays({ n: Int32Array.of(n) });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('query service', () => {
  it('caches results by SQL text', async () => {
    const { connector, pending } = fakeConnector();
    const service = new QueryService(connector);
    const first = service.query('SELECT 1');
    await tick();
    pending.shift()!.resolve(result(1));
    const a = await first;
    const b = await service.query('SELECT 1');
    expect(b).toBe(a);
    expect(pending).toHaveLength(0);
    service.invalidate();
    void service.query('SELECT 1');
    await tick();
    expect(pending).toHaveLength(1);
  });

  it('cancels the running query of a slot when a newer one arrives, and drops queued stale ones', async () => {
    const { connector, pending, cancels } = fakeConnector();
    const service = new QueryService(connector);
    const first = service.query('SELECT 1', 'chart');
    await tick();
    const second = service.query('SELECT 2', 'chart');
    const third = service.query('SELECT 3', 'chart');
    expect(cancels()).toBe(1);
    pending.shift()!.resolve(result(1));
    await expect(first).rejects.toBeInstanceOf(StaleQueryError);
    await expect(second).rejects.toBeInstanceOf(StaleQueryError);
    await tick();
    expect(pending.map((p) => p.sql)).toEqual(['SELECT 3']);
    pending.shift()!.resolve(result(3));
    expect((await third).getChild('n')?.get(0)).toBe(3);
  });

  it('lets queries of different slots all complete', async () => {
    const { connector, pending } = fakeConnector();
    const service = new QueryService(connector);
    const a = service.query('SELECT 1', 'a');
    const b = service.query('SELECT 2', 'b');
    await tick();
    pending.shift()!.resolve(result(1));
    await tick();
    pending.shift()!.resolve(result(2));
    expect((await a).numRows).toBe(1);
    expect((await b).numRows).toBe(1);
  });
});
