import { type RawTableSchema, SMALL_RAW_TABLES } from '../generator/rawSchema';
import type { RawTableName } from '../generator/rawTables';

export interface DocumentedTable {
  description: string;
  columns: readonly { name: string; description: string }[];
}

/** The three large raw tables, whose columns their own builders write (see src/generator/). */
const LARGE_RAW_TABLES: Record<'customers' | 'users' | 'events', DocumentedTable> = {
  customers: {
    description: 'Accounts as exported by the CRM (seeds 000, 001, 003). The export repeats some rows and garbles the case of some values (story 9).',
    columns: [
      { name: 'customer_id', description: 'Account key (C + six digits).' },
      { name: 'company_name', description: 'Company name (synthetic, from faker).' },
      { name: 'industry', description: 'Industry vertical: FinTech, HealthTech, LegalTech, PropTech, SaaS or HR Tech.' },
      { name: 'region', description: 'Sales region: NA, EU, APAC or LATAM (seed 001).' },
      { name: 'country', description: 'ISO 3166 country code; sometimes missing.' },
      { name: 'acquisition_channel', description: 'utm_source of the sign-up: organic, paid, social or referral (seed 002).' },
      { name: 'signup_platform', description: 'Platform of the sign-up: Web, iOS or Android.' },
      { name: 'signup_at', description: 'Sign-up instant, UTC. Sign-ups weigh toward Q1 and Q4 (story 1).' },
      { name: 'plan_at_signup', description: 'Free, or the tier whose 14-day trial the account started.' },
      { name: 'segment', description: 'SMB, Mid-Market or Enterprise.' },
    ],
  },
  users: {
    description: 'People using the product, each belonging to one account.',
    columns: [
      { name: 'user_id', description: 'User key (U + seven digits).' },
      { name: 'customer_id', description: 'Account the user belongs to.' },
      { name: 'created_at', description: 'When the user was created, UTC.' },
      { name: 'platform', description: 'Platform the user signed up on: Web, iOS or Android.' },
      { name: 'country', description: 'ISO 3166 country code of the user.' },
    ],
  },
  events: {
    description:
      'Usage, rewards and social events (seeds 002 and 003). The export re-sends some events, spells some labels carelessly, loses most logs of a few days, and delivers a few events days late (story 9). A view: the rows are stored encoded in events_encoded (user and account numbers, one-byte codes for the labels, the adoption score in thousandths, received_at as a lag after event_time) and decoded here, which loads five times as fast and takes a third of the memory.',
    columns: [
      { name: 'event_id', description: 'Event key; an exact re-send repeats it.' },
      { name: 'user_id', description: 'User who acted.' },
      { name: 'customer_id', description: 'Account of the user.' },
      { name: 'event_time', description: 'When the event happened, UTC, microsecond precision.' },
      { name: 'event_type', description: 'evidence_upload, monitoring_run, report_view, user_invite, integration_connect, api_call, premium_feature_trial, miles_earned, miles_redeemed, share, like or reward_search.' },
      { name: 'platform', description: 'Platform of the event: Web, iOS or Android.' },
      { name: 'utm_source', description: "Attribution of the user's account: organic, paid, social or referral." },
      { name: 'country', description: 'ISO 3166 country code of the user; sometimes missing.' },
      { name: 'miles_amount', description: 'Miles earned or redeemed; NULL for other events. Some redemptions were processed twice (story 7).' },
      { name: 'transaction_category', description: 'travel, dining, shopping or partner_bonus for earnings, reward_redemption for redemptions; NULL otherwise.' },
      { name: 'feature_adoption_score', description: '0 to 1 composite adoption score of the user at the time of the event (seed 003).' },
      { name: 'received_at', description: 'When the event reached the warehouse, UTC; days after event_time for late arrivals.' },
    ],
  },
};

const small = (schema: RawTableSchema): DocumentedTable => ({
  description: schema.description,
  columns: schema.columns.map((c) => ({ name: c.name, description: c.description })),
});

/** Every raw table of the generator with its columns, for the data dictionary. */
export const RAW_TABLE_DOCS: Readonly<Record<RawTableName, DocumentedTable>> = {
  ...LARGE_RAW_TABLES,
  ...(Object.fromEntries(Object.entries(SMALL_RAW_TABLES).map(([name, schema]) => [name, small(schema)])) as Record<keyof typeof SMALL_RAW_TABLES, DocumentedTable>),
};
