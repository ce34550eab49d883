import { describe, expect, it } from 'vitest';
import { generateDataset, generateUnit, prepareRun } from '../../../src/generator/dataset';
import { GeneratorService } from '../../../src/generator/generatorService';
import { HEAD_GROUP } from '../../../src/generator/groups';
import { type GeneratorResponse, transferablesOf } from '../../../src/generator/protocol';
import { sha256 } from '../../helpers/nodeDb';

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
const tiny = { preset: 'tiny', seed: 1 } as const;

describe('generator worker protocol', () => {
  it('makes the units it is handed, never more than maxInFlight chunks unacknowledged', async () => {
    const { service, posted, until, settle } = harness();
    service.handle({ type: 'generate', requestId: 3, params: tiny, maxInFlight: 2 });
    await settle();
    expect(posted).toHaveLength(0); // prepared, but no unit yet
    service.handle({ type: 'unit', requestId: 3, group: HEAD_GROUP });
    service.handle({ type: 'unit', requestId: 3, group: 0 });
    await until(() => chunks(posted).length === 2);
    await settle();
    expect(chunks(posted)).toHaveLength(2); // waits for credit
    const expected = [...generateDataset(tiny)];
    let acked = 0;
    while (chunks(posted).length < expected.length) {
      if (acked < chunks(posted).length) {
        acked++;
        service.handle({ type: 'ack', requestId: 3 });
      }
      await settle();
      expect(chunks(posted).length - acked).toBeLessThanOrEqual(2);
    }
    expect(chunks(posted).map((c) => c.type === 'chunk' && `${c.table}:${c.group}:${sha256(c.ipc)}`)).toEqual(expected.map((c) => `${c.table}:${c.group}:${sha256(c.ipc)}`));
    expect(posted.every((r) => r.requestId === 3)).toBe(true);
  });

  it('makes units in any order, each exactly as in the whole dataset', async () => {
    const params = { accounts: 6000, usersPerAccount: 1, windowStart: '2024-01-01', windowEnd: '2024-02-29', asOf: '2024-02-29', seed: 5 };
    const { service, posted, until } = harness();
    service.handle({ type: 'generate', requestId: 1, params, maxInFlight: 100 });
    for (const group of [2, HEAD_GROUP, 0]) service.handle({ type: 'unit', requestId: 1, group });
    const whole = [...generateDataset(params)];
    const expected = [2, HEAD_GROUP, 0].flatMap((g) => whole.filter((c) => c.group === g));
    await until(() => chunks(posted).length === expected.length);
    const seen = chunks(posted).map((c) => c.type === 'chunk' && `${c.group}:${c.lastOfGroup}:${sha256(c.ipc)}`);
    expect(seen).toEqual(expected.map((c) => `${c.group}:${c.lastOfGroup}:${sha256(c.ipc)}`));
  });

  it('drops the run at its end: later units of that run are ignored', async () => {
    const { service, posted, until, settle } = harness();
    service.handle({ type: 'generate', requestId: 4, params: tiny, maxInFlight: 100 });
    service.handle({ type: 'unit', requestId: 4, group: HEAD_GROUP });
    await until(() => chunks(posted).some((c) => c.type === 'chunk' && c.lastOfGroup));
    service.handle({ type: 'end', requestId: 4 });
    await settle();
    service.handle({ type: 'unit', requestId: 4, group: 0 });
    await settle();
    expect(chunks(posted)).toHaveLength(4); // the head's four tables, nothing of group 0
    expect(posted.every((r) => r.type === 'chunk')).toBe(true);
  });

  it('stops on cancel and says so', async () => {
    const { service, posted, until } = harness();
    service.handle({ type: 'generate', requestId: 1, params: { preset: 'tiny' }, maxInFlight: 1 });
    service.handle({ type: 'unit', requestId: 1, group: HEAD_GROUP });
    await until(() => chunks(posted).length === 1);
    service.handle({ type: 'cancel', requestId: 1 });
    await until(() => posted.some((r) => r.type === 'cancelled'));
    expect(chunks(posted)).toHaveLength(1);
  });

  it('a new run replaces the one in progress', async () => {
    const { service, posted, until } = harness();
    service.handle({ type: 'generate', requestId: 1, params: tiny, maxInFlight: 1 });
    service.handle({ type: 'unit', requestId: 1, group: HEAD_GROUP });
    await until(() => chunks(posted).length === 1);
    service.handle({ type: 'generate', requestId: 2, params: tiny, maxInFlight: 1 });
    service.handle({ type: 'unit', requestId: 2, group: 0 });
    await until(() => posted.some((r) => r.requestId === 1 && r.type === 'cancelled') && posted.some((r) => r.requestId === 2));
    const first = posted.find((r) => r.requestId === 2)!;
    expect(first.type === 'chunk' && first.group).toBe(0);
  });

  it('reports invalid parameters as an error naming the field, without generating', async () => {
    const { service, posted, until } = harness();
    service.handle({ type: 'generate', requestId: 9, params: { seed: 1.5 }, maxInFlight: 4 });
    await until(() => posted.length > 0);
    expect(posted).toHaveLength(1);
    const [error] = posted;
    expect(error!.type).toBe('error');
    if (error!.type === 'error') {
      expect(error!.error.name).toBe('InvalidParamsError');
      expect(error!.error.message).toMatch(/seed/);
    }
  });

  it('reports a unit the run does not have', () => {
    const world = prepareRun(tiny);
    expect(() => generateUnit(world, 1)).toThrow(/no group 1 in a run of 300 accounts/);
    expect(() => generateUnit(world, 0.5)).toThrow(RangeError);
  });

  it('transfers the IPC buffer of a chunk and nothing for other messages', () => {
    const ipc = new Uint8Array(8);
    expect(transferablesOf({ type: 'chunk', requestId: 1, table: 'events', ipc, rows: 0, group: 0, lastOfGroup: false })).toEqual([ipc.buffer]);
    expect(transferablesOf({ type: 'cancelled', requestId: 1 })).toEqual([]);
  });
});
