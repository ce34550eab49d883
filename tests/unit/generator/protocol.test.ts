import { describe, expect, it } from 'vitest';
import { GeneratorService } from '../../../src/generator/generatorService';
import { type GeneratorResponse, transferablesOf } from '../../../src/generator/protocol';
import { WHOLE_DATASET } from '../../../src/generator/groups';

/** Drives the worker's logic in-process, recording what it posts. */
function harness() {
  const posted: GeneratorResponse[] = [];
  let notify: () => void = () => undefined;
  const service = new GeneratorService((r) => {
    posted.push(r);
    notify();
  });
  const until = (predicate: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (predicate() ? resolve() : undefined);
      notify = check;
      check();
    });
  const settle = () => new Promise((r) => setTimeout(r, 20));
  return { service, posted, until, settle };
}

const chunks = (posted: GeneratorResponse[]) => posted.filter((r) => r.type === 'chunk');

describe('generator worker protocol', () => {
  it('never has more than maxInFlight chunks unacknowledged, and finishes once all are acked', async () => {
    const { service, posted, until, settle } = harness();
    service.handle({ type: 'generate', requestId: 3, params: { preset: 'tiny', seed: 1 }, share: WHOLE_DATASET, maxInFlight: 2 });
    await until(() => chunks(posted).length === 2);
    await settle();
    expect(chunks(posted)).toHaveLength(2); // waits for credit
    let acked = 0;
    while (!posted.some((r) => r.type === 'done')) {
      if (acked < chunks(posted).length) {
        acked++;
        service.handle({ type: 'ack', requestId: 3 });
      }
      await settle();
      expect(chunks(posted).length - acked).toBeLessThanOrEqual(2);
    }
    const done = posted.at(-1)!;
    expect(done.type).toBe('done');
    if (done.type !== 'done') return;
    const total = chunks(posted).reduce((n, c) => n + (c.type === 'chunk' ? c.rows : 0), 0);
    expect(Object.values(done.rows).reduce((a, b) => a + b, 0)).toBe(total);
    expect(posted.every((r) => r.requestId === 3)).toBe(true);
  });

  it('stops on cancel and says so', async () => {
    const { service, posted, until } = harness();
    service.handle({ type: 'generate', requestId: 1, params: { preset: 'tiny' }, share: WHOLE_DATASET, maxInFlight: 1 });
    await until(() => chunks(posted).length === 1);
    service.handle({ type: 'cancel', requestId: 1 });
    await until(() => posted.some((r) => r.type === 'cancelled'));
    expect(posted.some((r) => r.type === 'done')).toBe(false);
  });

  it('reports invalid parameters as an error naming the field, without generating', async () => {
    const { service, posted, until } = harness();
    service.handle({ type: 'generate', requestId: 9, params: { seed: 1.5 }, share: WHOLE_DATASET, maxInFlight: 4 });
    await until(() => posted.length > 0);
    expect(posted).toHaveLength(1);
    const [error] = posted;
    expect(error!.type).toBe('error');
    if (error!.type === 'error') {
      expect(error!.error.name).toBe('InvalidParamsError');
      expect(error!.error.message).toMatch(/seed/);
    }
  });

  it('transfers the IPC buffer of a chunk and nothing for other messages', () => {
    const ipc = new Uint8Array(8);
    expect(transferablesOf({ type: 'chunk', requestId: 1, table: 'events', ipc, rows: 0, progress: 1, group: 0, lastOfGroup: false, elapsedMs: 0 })).toEqual([ipc.buffer]);
    expect(transferablesOf({ type: 'cancelled', requestId: 1 })).toEqual([]);
  });
});
