import type { Table } from 'apache-arrow';
import { isoDate, mapRows, num } from '../../engine/arrowRows';
import { numOrNull } from '../common/rows';

/** One period of growth accounting (any grain). */
export interface AccountingRow {
  periodStart: string;
  isPartial: boolean;
  activeUsers: number;
  newUsers: number;
  retainedUsers: number;
  resurrectedUsers: number;
  churnedUsers: number;
  quickRatio: number | null;
  retentionRatePct: number | null;
}

export function toAccountingRows(table: Table): AccountingRow[] {
  return mapRows(table, (r) => ({
    periodStart: isoDate(r.period_start),
    isPartial: Boolean(r.is_partial),
    activeUsers: num(r.active_users),
    newUsers: num(r.new_users),
    retainedUsers: num(r.retained_users),
    resurrectedUsers: num(r.resurrected_users),
    churnedUsers: num(r.churned_users),
    quickRatio: numOrNull(r.quick_ratio),
    retentionRatePct: numOrNull(r.retention_rate_pct),
  }));
}

/** One point of the quick-ratio chart; the 3-month average and the alert exist at the month grain only. */
export interface QuickRatioPoint {
  periodStart: string;
  isPartial: boolean;
  quickRatio: number | null;
  average3: number | null;
  alertLevel: string | null;
  newUsers: number;
  resurrectedUsers: number;
  churnedUsers: number;
}

export function toMonthlyQuickRatio(table: Table): QuickRatioPoint[] {
  return mapRows(table, (r) => ({
    periodStart: isoDate(r.period_start),
    isPartial: Boolean(r.is_partial),
    quickRatio: numOrNull(r.quick_ratio),
    average3: numOrNull(r.quick_ratio_3mo_avg),
    alertLevel: r.alert_level === null ? null : String(r.alert_level),
    newUsers: num(r.new_users),
    resurrectedUsers: num(r.resurrected_users),
    churnedUsers: num(r.churned_users),
  }));
}

/** Quick-ratio points of the week and day grains, straight from the accounting rows. */
export function quickRatioFromAccounting(rows: readonly AccountingRow[]): QuickRatioPoint[] {
  return rows.map((r) => ({
    periodStart: r.periodStart,
    isPartial: r.isPartial,
    quickRatio: r.quickRatio,
    average3: null,
    alertLevel: null,
    newUsers: r.newUsers,
    resurrectedUsers: r.resurrectedUsers,
    churnedUsers: r.churnedUsers,
  }));
}

export interface StickinessRow {
  periodStart: string;
  isPartial: boolean;
  dauWau: number | null;
  dauMau: number | null;
  wauMau: number | null;
  avgDau: number | null;
}

export function toStickinessRows(table: Table): StickinessRow[] {
  return mapRows(table, (r) => ({
    periodStart: isoDate(r.period_start),
    isPartial: Boolean(r.is_partial),
    dauWau: numOrNull(r.dau_wau),
    dauMau: numOrNull(r.dau_mau),
    wauMau: numOrNull(r.wau_mau),
    avgDau: numOrNull(r.avg_dau),
  }));
}

export interface LifecycleRow {
  periodStart: string;
  isPartial: boolean;
  newUsers: number;
  returningUsers: number;
  resurrectingUsers: number;
  /** Zero or negative, as the mart stores it. */
  dormantUsers: number;
  activeUsers: number;
}

export function toLifecycleRows(table: Table): LifecycleRow[] {
  return mapRows(table, (r) => ({
    periodStart: isoDate(r.period_start),
    isPartial: Boolean(r.is_partial),
    newUsers: num(r.new_users),
    returningUsers: num(r.returning_users),
    resurrectingUsers: num(r.resurrecting_users),
    dormantUsers: num(r.dormant_users),
    activeUsers: num(r.active_users),
  }));
}

export interface PowerUserRow {
  daysActive: number;
  users: number;
  shareOfUsersPct: number | null;
  shareOfActivePct: number | null;
  windowStart: string;
  windowEnd: string;
}

export function toPowerUserRows(table: Table): PowerUserRow[] {
  return mapRows(table, (r) => ({
    daysActive: num(r.days_active),
    users: num(r.users),
    shareOfUsersPct: numOrNull(r.share_of_users_pct),
    shareOfActivePct: numOrNull(r.share_of_active_users_pct),
    windowStart: isoDate(r.window_start),
    windowEnd: isoDate(r.window_end),
  }));
}

export interface ResurrectionRow {
  periodStart: string;
  isPartial: boolean;
  total: number;
  short: number;
  medium: number;
  long: number;
  veryLong: number;
  avgDormancyDays: number | null;
}

export function toResurrectionRows(table: Table): ResurrectionRow[] {
  return mapRows(table, (r) => ({
    periodStart: isoDate(r.period_start),
    isPartial: Boolean(r.is_partial),
    total: num(r.total_resurrections),
    short: num(r.short_dormancy),
    medium: num(r.medium_dormancy),
    long: num(r.long_dormancy),
    veryLong: num(r.very_long_dormancy),
    avgDormancyDays: numOrNull(r.avg_dormancy_days),
  }));
}
