import type { ComponentType } from 'react';
import { ConsoleViewLoader } from './console/ConsoleViewLoader';
import { DictionaryView } from './dictionary/DictionaryView';
import { DRIVERS_TABLES, DriversView } from './drivers/DriversView';
import { FunnelView } from './funnel/FunnelView';
import { GrowthView } from './growth/GrowthView';
import { ImportView } from './import/ImportView';
import { INVESTIGATION_TABLES, InvestigationView } from './investigation/InvestigationView';
import { MilesView } from './miles/MilesView';
import { OVERVIEW_TABLES, OverviewView } from './overview/OverviewView';
import { PIPELINE_TABLES, PipelineView } from './pipeline/PipelineView';
import { QUALITY_TABLES, QualityView } from './quality/QualityView';
import { RETENTION_TABLES, RetentionView } from './retention/RetentionView';
import { REVENUE_TABLES, RevenueView } from './revenue/RevenueView';

/**
 * Every view of the workbench, in navigation order. A view lists the gold tables it reads so
 * a run builds them first when the view is the one open. Add a view by adding an entry here.
 */
export interface ViewDefinition {
  id: string;
  label: string;
  tables: readonly string[];
  component: ComponentType;
}

export const VIEWS: readonly ViewDefinition[] = [
  { id: 'overview', label: 'Overview', tables: OVERVIEW_TABLES, component: OverviewView },
  { id: 'revenue', label: 'Revenue', tables: REVENUE_TABLES, component: RevenueView },
  { id: 'retention', label: 'Retention', tables: RETENTION_TABLES, component: RetentionView },
  {
    id: 'growth',
    label: 'Growth accounting',
    tables: ['social_capital_growth_accounting', 'social_capital_growth_accounting_weekly', 'social_capital_growth_accounting_daily', 'quick_ratio_analysis', 'growth_metrics', 'user_lifecycle', 'power_user_l28', 'user_resurrection_analysis'],
    component: GrowthView,
  },
  { id: 'miles', label: 'Miles economy', tables: ['miles_analytics', 'users_with_negative_miles'], component: MilesView },
  { id: 'funnel', label: 'Funnel & conversion', tables: ['monthly_funnel', 'trial_conversion_cohorts'], component: FunnelView },
  { id: 'investigation', label: 'Revenue investigation', tables: INVESTIGATION_TABLES, component: InvestigationView },
  { id: 'quality', label: 'Data quality', tables: QUALITY_TABLES, component: QualityView },
  { id: 'pipeline', label: 'Pipeline', tables: PIPELINE_TABLES, component: PipelineView },
  { id: 'drivers', label: 'Churn & expansion drivers', tables: DRIVERS_TABLES, component: DriversView },
  { id: 'import', label: 'Import data', tables: [], component: ImportView },
  { id: 'dictionary', label: 'Data dictionary', tables: [], component: DictionaryView },
  { id: 'console', label: 'SQL console', tables: [], component: ConsoleViewLoader },
];

export const DEFAULT_VIEW = 'overview';

export function findView(id: string): ViewDefinition | undefined {
  return VIEWS.find((v) => v.id === id);
}
