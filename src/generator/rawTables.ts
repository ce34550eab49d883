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
