import type { Table } from 'apache-arrow';
import { isoDate, mapRows, num } from '../../engine/arrowRows';
import { earnRedeemRatio, type MilesHealth, milesHealth } from './milesHealth';

export interface MilesPeriod {
  periodStart: string;
  isPartial: boolean;
  earned: number;
  redeemed: number;
  /** earned - redeemed: the period's change in the liability. */
  net: number;
  earningTransactions: number;
  redeemingTransactions: number;
  /** Miles held by users at the end of the period's last day. */
  liabilityEnd: number;
  ratio: number | null;
  health: MilesHealth;
}

export function toMilesPeriods(table: Table): MilesPeriod[] {
  return mapRows(table, (r) => {
    const earned = num(r.miles_earned);
    const redeemed = num(r.miles_redeemed);
    return {
      periodStart: isoDate(r.period_start),
      isPartial: Boolean(r.is_partial),
      earned,
      redeemed,
      net: earned - redeemed,
      earningTransactions: num(r.earning_transactions),
      redeemingTransactions: num(r.redeeming_transactions),
      liabilityEnd: num(r.liability_end),
      ratio: earnRedeemRatio(earned, redeemed),
      health: milesHealth(earned, redeemed),
    };
  });
}

export interface NegativeUser {
  userId: string;
  firstSeenAt: string;
  lastSeenAt: string;
  totalEarned: number;
  totalRedeemed: number;
  balance: number;
  negativeAmount: number;
}

export function toNegativeUsers(table: Table): NegativeUser[] {
  return mapRows(table, (r) => ({
    userId: String(r.user_id),
    firstSeenAt: isoDate(r.first_seen_at),
    lastSeenAt: isoDate(r.last_seen_at),
    totalEarned: num(r.total_miles_earned),
    totalRedeemed: num(r.total_miles_redeemed),
    balance: num(r.current_miles_balance),
    negativeAmount: num(r.negative_amount),
  }));
}

/** What the negative-balance tile says: how many users, and how many miles they over-redeemed together. */
export function negativeSummary(users: readonly NegativeUser[]): { users: number; milesOverRedeemed: number } {
  return { users: users.length, milesOverRedeemed: users.reduce((sum, u) => sum + u.negativeAmount, 0) };
}
