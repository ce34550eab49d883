import type { FunnelMonth, TrialCohort } from './funnelRows';

export interface FunnelStage {
  name: string;
  value: number;
  /** Share of the previous stage (null for the first stage, or when the previous stage is 0). */
  ofPrevious: number | null;
}

/**
 * The funnel over the months shown: sign-ups, trials started, and trials converted within
 * their 14 days, each summed over the months (each step counted in the month it happened).
 */
export function funnelStages(months: readonly FunnelMonth[]): FunnelStage[] {
  const sum = (pick: (m: FunnelMonth) => number) => months.reduce((total, m) => total + pick(m), 0);
  const values = [
    { name: 'Sign-ups', value: sum((m) => m.signups) },
    { name: 'Trials started', value: sum((m) => m.trials) },
    { name: 'Converted within 14 days', value: sum((m) => m.trialConversions) },
  ];
  return values.map((stage, i) => {
    const previous = i === 0 ? null : values[i - 1]!.value;
    return { ...stage, ofPrevious: previous === null || previous === 0 ? null : stage.value / previous };
  });
}

export interface ChannelTotal {
  channel: string;
  trialsStarted: number;
  converted: number;
  trialsOpen: number;
  /** converted / trialsStarted over the months shown; null without trials. */
  conversionRate: number | null;
  /** converted / (trialsStarted - trialsOpen): the rate among trials that have ended; null when none has. */
  endedConversionRate: number | null;
}

/** Trial conversion by channel over the months shown ('all' last), summing the monthly cohorts. */
export function channelTotals(cohorts: readonly TrialCohort[]): ChannelTotal[] {
  const byChannel = new Map<string, { trialsStarted: number; converted: number; trialsOpen: number }>();
  for (const c of cohorts) {
    const total = byChannel.get(c.channel) ?? { trialsStarted: 0, converted: 0, trialsOpen: 0 };
    total.trialsStarted += c.trialsStarted;
    total.converted += c.converted;
    total.trialsOpen += c.trialsOpen;
    byChannel.set(c.channel, total);
  }
  const channels = [...byChannel.keys()].sort((a, b) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)));
  return channels.map((channel) => {
    const t = byChannel.get(channel)!;
    const ended = t.trialsStarted - t.trialsOpen;
    return {
      channel,
      ...t,
      conversionRate: t.trialsStarted === 0 ? null : t.converted / t.trialsStarted,
      endedConversionRate: ended === 0 ? null : t.converted / ended,
    };
  });
}

/** The channels present in the cohorts, in a stable order ('all' last). */
export function channelsOf(cohorts: readonly TrialCohort[]): string[] {
  return channelTotals(cohorts).map((c) => c.channel);
}
