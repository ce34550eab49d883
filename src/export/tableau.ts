/**
 * Seed 000's "tableau_ready" export: the funnel and customer marts its handbook joins in
 * Tableau (user_master, monthly_funnel, monthly_revenue, cohort_retention, churn_flags,
 * support_summary) plus the CLV inputs and trial cohorts, with clean, human-readable
 * column names.
 */
export const TABLEAU_MARTS: readonly string[] = [
  'user_master',
  'monthly_funnel',
  'monthly_revenue',
  'cohort_retention',
  'churn_flags',
  'support_summary',
  'clv_inputs',
  'trial_conversion_cohorts',
];

/** Abbreviations written in capitals, and unit words written out. */
const WORDS: Readonly<Record<string, string>> = {
  id: 'ID',
  mrr: 'MRR',
  arr: 'ARR',
  arpa: 'ARPA',
  ltv: 'LTV',
  nrr: 'NRR',
  grr: 'GRR',
  nps: 'NPS',
  dau: 'DAU',
  wau: 'WAU',
  mau: 'MAU',
  clv: 'CLV',
  crm: 'CRM',
  sku: 'SKU',
  ios: 'iOS',
  l28: 'L28',
  km: 'KM',
  eda: 'EDA',
  dq: 'DQ',
  pct: '%',
  avg: 'Avg',
  '12m': '12M',
};

/** Short words kept in lower case inside a title ("Signup to Paid Rate"). */
const MINOR = new Set(['to', 'of', 'per', 'and', 'or', 'at', 'by', 'in', 'on', 'vs', 'the', 'a', 'an', 'for', 'with']);

function titleWord(word: string, first: boolean): string {
  const known = WORDS[word];
  if (known !== undefined) return known;
  if (!first && MINOR.has(word)) return word;
  if (/^\d/.test(word)) return word; // 30d, 7d stay as written
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A snake_case column name as a Tableau field name: "customer_id" → "Customer ID", "signup_to_paid_rate" → "Signup to Paid Rate". */
export function tableauColumnName(name: string): string {
  const words = name.toLowerCase().split(/_+/).filter(Boolean);
  if (words.length === 0) return name;
  return words.map((w, i) => titleWord(w, i === 0)).join(' ');
}

/** Clean names for all columns of a table, made unique (a clash gets " (2)", " (3)", ...). */
export function tableauColumnNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const clean = tableauColumnName(name);
    const key = clean.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? clean : `${clean} (${count})`;
  });
}
