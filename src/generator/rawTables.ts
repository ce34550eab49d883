/** The raw tables the generator produces, in load order (domain.md). */
export const RAW_TABLES = [
  'customers',
  'users',
  'plans',
  'discounts',
  'subscription_events',
  'invoices',
  'reversals',
  'support_tickets',
  'nps_responses',
  'opportunities',
  'risk_signals',
  'events',
] as const;
export type RawTableName = (typeof RAW_TABLES)[number];

/** Raw tables stored under another name and read through a decoding view (see eventsView.ts). */
export const RAW_STORAGE: Partial<Record<RawTableName, string>> = { events: 'events_encoded' };

export function storageTableOf(table: string): string {
  return RAW_STORAGE[table as RawTableName] ?? table;
}
