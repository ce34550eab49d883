import type { Account } from './accounts';
import type { AccountLife, Invoice } from './lifecycle';
import { Rng, STREAM_TAG } from './prng';
import type { SimulationWindow } from './window';

/**
 * One-off purchases outside the subscription (seed 004's "a la carte" and gifts): add-ons
 * bought while using the product, sometimes by Free accounts that never subscribe, and
 * occasional gifts. They are invoices with transaction_type add_on or gift and no plan.
 */
export function simulatePurchases(seed: number, account: Account, life: AccountLife, window: SimulationWindow): Invoice[] {
  const rng = new Rng(seed, account.index, STREAM_TAG.purchases);
  const out: Invoice[] = [];
  const last = window.lastObservedDay;
  const oneOff = (day: number, type: 'add_on' | 'gift', gross: number): Invoice => ({
    issuedDay: day,
    periodStart: day,
    periodEnd: day,
    plan: -1,
    gross,
    discount: 0,
    discountIndex: -1,
    status: rng.bernoulli(0.95) ? 'paid' : 'failed',
    type,
    reversal: rng.bernoulli(0.02) ? { day: day + 3 + rng.int(20), amount: gross, reason: 'refund' } : null,
  });
  const monthlyChance = life.firstPaidDay === null ? 0.02 * account.traits.adoption : 0.012;
  for (const span of life.usage) {
    for (let day = span.start + rng.int(30); day < Math.min(span.end, last + 1); day += 30) {
      if (rng.bernoulli(monthlyChance)) out.push(oneOff(day, 'add_on', 19 + 10 * rng.int(30)));
    }
  }
  if (rng.bernoulli(0.02) && life.usage.length > 0) {
    const span = life.usage[0]!;
    const day = span.start + rng.int(Math.max(1, Math.min(span.end, last + 1) - span.start));
    if (day <= last) out.push(oneOff(day, 'gift', 25 * (1 + rng.int(8))));
  }
  return out;
}
