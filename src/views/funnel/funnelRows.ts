import type { Table } from 'apache-arrow';
import { isoDate, mapRows, num } from '../../engine/arrowRows';
import { numOrNull } from '../common/rows';

export interface FunnelMonth {
  periodStart: string;
  isPartial: boolean;
  signups: number;
  trials: number;
  /** Trials started in the month that converted within their 14 days. */
  trialConversions: number;
  trialsOpen: number;
  /** Accounts whose first paid subscription began in the month (trials and Free upgrades). */
  paidConversions: number;
  signupsPaid: number;
  trialToPaidRate: number | null;
  signupToTrialRate: number | null;
  signupToPaidRate: number | null;
}

export function toFunnelMonths(table: Table): FunnelMonth[] {
  return mapRows(table, (r) => ({
    periodStart: isoDate(r.period_start),
    isPartial: Boolean(r.is_partial),
    signups: num(r.signups),
    trials: num(r.trials),
    trialConversions: num(r.trial_conversions),
    trialsOpen: num(r.trials_open),
    paidConversions: num(r.paid_conversions),
    signupsPaid: num(r.signups_paid),
    trialToPaidRate: numOrNull(r.trial_to_paid_rate),
    signupToTrialRate: numOrNull(r.signup_to_trial_rate),
    signupToPaidRate: numOrNull(r.signup_to_paid_rate),
  }));
}

export interface TrialCohort {
  periodStart: string;
  /** organic, paid, social, referral, or 'all'. */
  channel: string;
  trialsStarted: number;
  converted: number;
  trialsOpen: number;
  conversionRate: number | null;
  medianDaysToConvert: number | null;
  isComplete: boolean;
}

export function toTrialCohorts(table: Table): TrialCohort[] {
  return mapRows(table, (r) => ({
    periodStart: isoDate(r.period_start),
    channel: String(r.acquisition_channel),
    trialsStarted: num(r.trials_started),
    converted: num(r.converted),
    trialsOpen: num(r.trials_open),
    conversionRate: numOrNull(r.conversion_rate),
    medianDaysToConvert: numOrNull(r.median_days_to_convert),
    isComplete: Boolean(r.is_cohort_complete),
  }));
}
