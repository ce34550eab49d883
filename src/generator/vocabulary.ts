import { categorical } from './prng';

/** Categorical values of the synthetic company and their base shares (domain.md). */
export const CHANNELS = categorical({ organic: 0.4, paid: 0.3, social: 0.15, referral: 0.15 });
export const REGIONS = categorical({ NA: 0.45, EU: 0.3, APAC: 0.15, LATAM: 0.1 });
export const COUNTRIES_BY_REGION: Readonly<Record<string, ReturnType<typeof categorical<string>>>> = {
  NA: categorical({ US: 0.8, CA: 0.15, MX: 0.05 }),
  EU: categorical({ GB: 0.3, DE: 0.25, FR: 0.2, NL: 0.1, ES: 0.1, SE: 0.05 }),
  APAC: categorical({ AU: 0.3, JP: 0.25, SG: 0.2, IN: 0.25 }),
  LATAM: categorical({ BR: 0.5, AR: 0.2, CO: 0.15, CL: 0.15 }),
};
export const INDUSTRIES = categorical({ FinTech: 0.25, HealthTech: 0.2, LegalTech: 0.15, PropTech: 0.1, SaaS: 0.2, 'HR Tech': 0.1 });
export const PLATFORMS = categorical({ Web: 0.55, iOS: 0.28, Android: 0.17 });
export const SEGMENTS = categorical({ SMB: 0.7, 'Mid-Market': 0.23, Enterprise: 0.07 });

export const EVENT_TYPES = [
  'evidence_upload',
  'monitoring_run',
  'report_view',
  'user_invite',
  'integration_connect',
  'api_call',
  'premium_feature_trial',
  'miles_earned',
  'miles_redeemed',
  'share',
  'like',
  'reward_search',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_INDEX: Readonly<Record<EventType, number>> = Object.fromEntries(
  EVENT_TYPES.map((t, i) => [t, i]),
) as Record<EventType, number>;

/** Base mix of event types, in EVENT_TYPES order. */
export const EVENT_TYPE_WEIGHTS: readonly number[] = [
  0.11, 0.14, 0.22, 0.015, 0.02, 0.13, 0.015, 0.12, 0.035, 0.05, 0.08, 0.045,
];

export const TRANSACTION_CATEGORIES = ['travel', 'dining', 'shopping', 'partner_bonus', 'reward_redemption'] as const;

/** All countries in a stable order, for dictionary encoding. */
export const COUNTRIES: readonly string[] = Object.values(COUNTRIES_BY_REGION).flatMap((c) => c.labels);
