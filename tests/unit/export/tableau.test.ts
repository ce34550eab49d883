import { describe, expect, it } from 'vitest';
import { TABLEAU_MARTS, tableauColumnName, tableauColumnNames } from '../../../src/export/tableau';
import { SQL_MODELS } from '../../../src/pipeline/sqlFiles';

describe('Tableau-ready names', () => {
  it('turns snake_case into readable field names with the usual abbreviations', () => {
    expect(tableauColumnName('customer_id')).toBe('Customer ID');
    expect(tableauColumnName('signup_to_paid_rate')).toBe('Signup to Paid Rate');
    expect(tableauColumnName('current_mrr')).toBe('Current MRR');
    expect(tableauColumnName('avg_nps_score')).toBe('Avg NPS Score');
    expect(tableauColumnName('events_last_30d')).toBe('Events Last 30d');
    expect(tableauColumnName('nrr_12m')).toBe('NRR 12M');
    expect(tableauColumnName('android_user_pct')).toBe('Android User %');
    expect(tableauColumnName('is_churned')).toBe('Is Churned');
  });

  it('keeps names unique when two clean up the same way', () => {
    expect(tableauColumnNames(['month', 'Month', 'month_'])).toEqual(['Month', 'Month (2)', 'Month (3)']);
  });

  it('exports seed 000 marts that the pipeline builds in gold', () => {
    const gold = new Set(SQL_MODELS.filter((m) => m.layer === 'gold').map((m) => m.name));
    for (const mart of ['user_master', 'monthly_funnel', 'monthly_revenue', 'cohort_retention', 'churn_flags', 'support_summary', 'clv_inputs']) {
      expect(TABLEAU_MARTS).toContain(mart);
    }
    for (const mart of TABLEAU_MARTS) expect(gold.has(mart), mart).toBe(true);
  });
});
