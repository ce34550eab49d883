/**
 * Seed 002's miles economy health (growth_drivers.miles_economy_health), applied to a period's
 * miles earned and redeemed. The classes are tested in the seed's order.
 */
export type MilesHealth = 'Healthy Growth' | 'Stable' | 'High Redemption' | 'Balanced';

export function milesHealth(earned: number, redeemed: number): MilesHealth {
  if (earned > redeemed * 1.2) return 'Healthy Growth';
  if (earned > redeemed) return 'Stable';
  if (redeemed > earned * 1.2) return 'High Redemption';
  return 'Balanced';
}

/** Earned / redeemed; NULL when nothing was redeemed (metrics.md: never a ratio over 0). */
export function earnRedeemRatio(earned: number, redeemed: number): number | null {
  return redeemed === 0 ? null : earned / redeemed;
}

/**
 * The classes as bands of the earn/redeem ratio (for redeemed > 0): High Redemption below
 * 1/1.2, Balanced from 1/1.2 to 1, Stable above 1 up to 1.2, Healthy Growth above 1.2.
 */
export const MILES_HEALTH_BANDS = [
  { name: 'High Redemption', from: 0, to: 1 / 1.2, color: 'rgba(224, 49, 49, 0.12)' },
  { name: 'Balanced', from: 1 / 1.2, to: 1, color: 'rgba(134, 142, 150, 0.12)' },
  { name: 'Stable', from: 1, to: 1.2, color: 'rgba(250, 176, 5, 0.12)' },
  { name: 'Healthy Growth', from: 1.2, to: Number.POSITIVE_INFINITY, color: 'rgba(64, 192, 87, 0.10)' },
] as const satisfies readonly { name: MilesHealth; from: number; to: number; color: string }[];
