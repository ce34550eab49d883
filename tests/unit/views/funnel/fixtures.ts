import type { FunnelMonth, TrialCohort } from '../../../../src/views/funnel/funnelRows';

/** Funnel rows built by hand for the funnel tests; rates follow from the counts. */
export const month = (periodStart: string, signups: number, trials: number, trialConversions: number, extra: Partial<FunnelMonth> = {}): FunnelMonth => ({
  periodStart,
  isPartial: false,
  signups,
  trials,
  trialConversions,
  trialsOpen: 0,
  paidConversions: 0,
  signupsPaid: 0,
  trialToPaidRate: trials === 0 ? null : trialConversions / trials,
  signupToTrialRate: signups === 0 ? null : trials / signups,
  signupToPaidRate: null,
  ...extra,
});

export const cohort = (periodStart: string, channel: string, trialsStarted: number, converted: number, trialsOpen = 0, isComplete = true): TrialCohort => ({
  periodStart,
  channel,
  trialsStarted,
  converted,
  trialsOpen,
  conversionRate: trialsStarted === 0 ? null : converted / trialsStarted,
  medianDaysToConvert: null,
  isComplete,
});
