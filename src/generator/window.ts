import { parseIsoDate } from './calendar';
import type { GeneratorParams } from './params';

/** The simulated window in day numbers; nothing after lastObservedDay is generated. */
export interface SimulationWindow {
  startDay: number;
  endDay: number;
  asOfDay: number;
  /** min(window end, as-of date). */
  lastObservedDay: number;
}

export function simulationWindow(params: GeneratorParams): SimulationWindow {
  const startDay = parseIsoDate(params.windowStart);
  const endDay = parseIsoDate(params.windowEnd);
  const asOfDay = parseIsoDate(params.asOf);
  if (startDay === null || endDay === null || asOfDay === null) throw new Error('window dates must be validated first');
  return { startDay, endDay, asOfDay, lastObservedDay: Math.min(endDay, asOfDay) };
}

/** 0 during the window's first days, rising linearly to 1 a year later: drives story 6's trends. */
export function yearTrend(window: SimulationWindow, day: number): number {
  return Math.max(0, Math.min(1, (day - window.startDay) / 365));
}

export function lerp(from: number, to: number, t: number): number {
  return from + (to - from) * t;
}
