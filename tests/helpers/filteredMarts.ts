/**
 * The gold marts (and the silver model of growth accounting) by population, with the output
 * column their date range keeps (null: the date range does not apply to them). Marts of
 * accounts count accounts and their data, and a platform filter keeps the accounts by sign-up
 * platform; marts of users count users, and a platform filter keeps the users on it.
 */
export const ACCOUNT_MARTS: Record<string, string | null> = {
  monthly_revenue: 'month',
  cohort_retention: 'cohort',
  revenue_retention_12m: 'month',
  account_growth_accounting: 'activity_month',
  monthly_funnel: 'month',
  trial_conversion_cohorts: 'trial_month',
  support_summary: 'month',
  first_month_net_revenue: 'quarter_start',
  revenue_true_up: 'quarter_start',
  customer_lifecycle: null,
  survival_table: null,
  survival_km: null,
  survival_summary: null,
  survival_logrank: null,
  churn_correlations: null,
  customer_churn_features: null,
  eda_customer_features: null,
  mart_customer_churn_features: null,
  mart_customer_expansion_features: null,
  clv_inputs: null,
  first_month_accounts: null,
  first_month_revenue_decomposition: null,
  // Its date range keeps the invoices of the months in it (rolled-up rows total them): see
  // filtersDates.test.ts.
  cube_customer_transaction_behavior: null,
};

export const USER_MARTS: Record<string, string | null> = {
  retention_cohorts: 'cohort_month',
  growth_accounting_grains: null,
  social_capital_growth_accounting: 'activity_month',
  social_capital_growth_accounting_weekly: 'activity_week',
  social_capital_growth_accounting_daily: 'activity_date',
  user_lifecycle: 'activity_month',
  quick_ratio_analysis: 'activity_month',
  growth_metrics: 'event_date',
  retention_quality_framework: 'event_date',
  user_resurrection_analysis: 'event_date',
  growth_drivers: 'event_date',
  miles_analytics: 'event_date',
  power_user_l28: null,
  user_master: null,
  users_with_negative_miles: null,
  churn_flags: null,
};

/**
 * Gold models no filter reaches, and why. growth_user_days is the shared input of the daily
 * growth marts (each user's active days with the gaps between them), not a mart a view
 * shows: every mart reading it restricts its users there itself, and a filter point inside
 * it would make each of them re-sort all the users' days on every filtered query.
 */
export const UNFILTERED_GOLD: Record<string, string> = {
  growth_user_days: 'input of the daily growth marts, which restrict its users themselves',
};
