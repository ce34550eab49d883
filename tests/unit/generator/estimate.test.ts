import { describe, expect, it } from 'vitest';
import { BROWSER_REFUSE_ABOVE, BROWSER_WARN_ABOVE, estimateRun } from '../../../src/generator/estimate';
import { generateDataset } from '../../../src/generator/dataset';
import { resolveParams } from '../../../src/generator/params';

describe('run estimate', () => {
  it('predicts the number of events a run generates to within about a quarter below and a third above', () => {
    for (const partial of [{ preset: 'tiny' as const, seed: 42 }, { preset: 'tiny' as const, seed: 7, accounts: 900, asOf: '2024-12-31', windowEnd: '2024-12-31' }]) {
      const params = resolveParams(partial);
      let events = 0;
      for (const chunk of generateDataset(params)) if (chunk.table === 'events') events += chunk.rows;
      const predicted = estimateRun(params).events;
      expect(predicted / events).toBeGreaterThan(0.75);
      expect(predicted / events).toBeLessThan(1.35);
    }
  });

  it('lets the demo run, warns near the browser limit at the large preset, refuses beyond it', () => {
    expect(estimateRun(resolveParams({ preset: 'demo' })).level).toBe('ok');
    const large = estimateRun(resolveParams({ preset: 'large' }));
    expect(large.bytes).toBeGreaterThan(BROWSER_WARN_ABOVE);
    expect(large.level).toBe('warn');
    expect(large.message).toMatch(/may run out of memory/);
    const huge = estimateRun(resolveParams({ preset: 'large', accounts: 200_000 }));
    expect(huge.bytes).toBeGreaterThan(BROWSER_REFUSE_ABOVE);
    expect(huge.level).toBe('refuse');
    expect(huge.message).toMatch(/Too large for the browser.*--engine native/);
  });
});
