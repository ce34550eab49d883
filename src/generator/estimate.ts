import { parseIsoDate } from './calendar';
import type { GeneratorParams } from './params';

/**
 * What a run will cost before it starts, so the app can warn or refuse instead of letting the
 * database worker run out of memory halfway. Calibrated on measured runs (seed 42, default
 * rates and window): about 70 events per user over the two-year window, and a DuckDB-WASM
 * peak of about 280 bytes per event through the whole pipeline (raw, staged and session
 * tables plus the largest transient), on top of a fixed ~150 MiB.
 */
export const EVENTS_PER_USER_PER_YEAR = 35;
const BYTES_PER_EVENT = 280;
const BASE_BYTES = 150 * 2 ** 20;

/**
 * DuckDB-WASM's heap is 32-bit: 4 GiB at most. The app lets DuckDB's queries use 3.5 of them
 * (browserDuckDb.ts sets memory_limit; DuckDB's own default would be 3.1).
 */
export const BROWSER_MEMORY_LIMIT_GIB = 3.5;
export const BROWSER_MEMORY_LIMIT = BROWSER_MEMORY_LIMIT_GIB * 2 ** 30;
/** Above this the run is refused in the browser (the native engine of the CLI can take it). */
export const BROWSER_REFUSE_ABOVE = 4 * 2 ** 30;
/** Above this the app warns that the run may not fit. */
export const BROWSER_WARN_ABOVE = 0.8 * BROWSER_MEMORY_LIMIT;

export interface RunEstimate {
  events: number;
  bytes: number;
  level: 'ok' | 'warn' | 'refuse';
  message: string | null;
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

export function estimateRun(p: GeneratorParams): RunEstimate {
  const start = parseIsoDate(p.windowStart) ?? 0;
  const end = parseIsoDate(p.asOf) ?? parseIsoDate(p.windowEnd) ?? start;
  const years = Math.max(1 / 12, (end - start + 1) / 365.25);
  const events = Math.round(p.accounts * p.usersPerAccount * EVENTS_PER_USER_PER_YEAR * years);
  const bytes = BASE_BYTES + events * BYTES_PER_EVENT;
  const size = `about ${(events / 1e6).toFixed(1)} M events, ${gib(bytes)} of database memory`;
  if (bytes > BROWSER_REFUSE_ABOVE) {
    return {
      events,
      bytes,
      level: 'refuse',
      message: `Too large for the browser: ${size}, more than a tab's database can hold (${gib(BROWSER_MEMORY_LIMIT)}). Use fewer accounts, or the command line with --engine native.`,
    };
  }
  if (bytes > BROWSER_WARN_ABOVE) {
    return { events, bytes, level: 'warn', message: `Close to the browser's limit: ${size} of the ${gib(BROWSER_MEMORY_LIMIT)} a tab's database can use. It may run out of memory.` };
  }
  return { events, bytes, level: 'ok', message: null };
}
