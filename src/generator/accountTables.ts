import type { Account } from './accounts';
import { dictColumn, timestampColumn, toIpcStream, utf8Column } from './arrow/columns';
import { TableBuilder } from './arrow/tableBuilder';
import { DISCOUNTS, PLANS, TIERS, tierMrrRange } from './catalogue';
import type { Rng } from './prng';
import { SMALL_RAW_TABLES } from './rawSchema';
import { type AccountUsers, userIdOf } from './users';
import { CHANNELS, COUNTRIES, INDUSTRIES, PLATFORMS, REGIONS, SEGMENTS } from './vocabulary';

/** Story 9: a careless CRM export adds stray spaces and changes case. */
function messy(rng: Rng, value: string, rate: number): string {
  if (!rng.bernoulli(rate)) return value;
  const cased = rng.bernoulli(0.5) ? value.toLowerCase() : value.toUpperCase();
  return rng.bernoulli(0.5) ? ` ${cased}` : `${cased}  `;
}

/** The customers export; with dirt it repeats some rows, garbles case and loses countries. */
export function customersIpc(accounts: readonly Account[], dirt: Rng, dirtRate: number): { ipc: Uint8Array; rows: number } {
  const rows = accounts.flatMap((a) => (dirt.bernoulli(dirtRate) ? [a, a] : [a]));
  const industry = rows.map((a) => messy(dirt, INDUSTRIES.labels[a.industry]!, dirtRate * 4));
  const region = rows.map((a) => messy(dirt, REGIONS.labels[a.region]!, dirtRate * 4));
  const country = rows.map((a) => (dirt.bernoulli(dirtRate * 2) ? null : a.country));
  const idx = (pick: (a: Account) => number) => Int8Array.from(rows, pick);
  const ipc = toIpcStream([
    utf8Column('customer_id', rows.map((a) => a.customerId)),
    utf8Column('company_name', rows.map((a) => a.companyName)),
    utf8Column('industry', industry),
    utf8Column('region', region),
    utf8Column('country', country),
    dictColumn('acquisition_channel', 3, CHANNELS.labels, idx((a) => a.channel)),
    dictColumn('signup_platform', 4, PLATFORMS.labels, idx((a) => a.signupPlatform)),
    timestampColumn('signup_at', Float64Array.from(rows, (a) => a.signupMs)),
    dictColumn('plan_at_signup', 5, TIERS, idx((a) => a.signupPlan)),
    dictColumn('segment', 6, SEGMENTS.labels, idx((a) => a.segment)),
  ]);
  return { ipc, rows: rows.length };
}

export function usersIpc(accounts: readonly Account[], users: readonly AccountUsers[]): Uint8Array {
  const ids: string[] = [];
  const customerIds: string[] = [];
  const created: number[] = [];
  const platform: number[] = [];
  const country: string[] = [];
  users.forEach((u, a) => {
    for (let k = 0; k < u.createdMs.length; k++) {
      ids.push(userIdOf(u.firstUserNumber + k));
      customerIds.push(accounts[a]!.customerId);
      created.push(u.createdMs[k]!);
      platform.push(u.platform[k]!);
      country.push(u.country[k]!);
    }
  });
  const countryIndex = new Map(COUNTRIES.map((c, i) => [c, i]));
  return toIpcStream([
    utf8Column('user_id', ids),
    utf8Column('customer_id', customerIds),
    timestampColumn('created_at', Float64Array.from(created)),
    dictColumn('platform', 0, PLATFORMS.labels, Int8Array.from(platform)),
    dictColumn('country', 1, COUNTRIES, Int8Array.from(country, (c) => countryIndex.get(c) ?? 0)),
  ]);
}

export function plansIpc(): Uint8Array {
  const table = new TableBuilder(SMALL_RAW_TABLES.plans.columns);
  for (const plan of PLANS) {
    const { floor, ceiling } = tierMrrRange(plan);
    table.push([plan.planId, TIERS.indexOf(plan.tier), plan.monthlyPrice, plan.annualPrice, plan.minSeats, plan.maxSeats, floor, ceiling]);
  }
  return table.toIpc();
}

export function discountsIpc(): Uint8Array {
  const table = new TableBuilder(SMALL_RAW_TABLES.discounts.columns);
  for (const d of DISCOUNTS) table.push([d.discountId, d.kind, d.percent, d.duration_months]);
  return table.toIpc();
}
