import { quoteIdent } from '../engine/connector';
import { executionOrder } from '../pipeline/dag';
import type { SqlModel } from '../pipeline/sqlModel';
import { qualified } from './importSql';

/** The marts each kind of import is for; their upstream models come with them. */
export const ACTIVITY_MARTS = [
  'retention_cohorts',
  'social_capital_growth_accounting',
  'social_capital_growth_accounting_weekly',
  'social_capital_growth_accounting_daily',
  'quick_ratio_analysis',
  'growth_metrics',
  'user_lifecycle',
  'power_user_l28',
  'user_resurrection_analysis',
  'retention_quality_framework',
  'account_growth_accounting',
] as const;
export const REVENUE_MARTS = ['fct_mrr_movements', 'monthly_revenue', 'revenue_retention_12m', 'cohort_retention'] as const;
export const SURVIVAL_MARTS = ['survival_km', 'survival_logrank', 'survival_summary'] as const;

/**
 * Base tables the import fills with only the columns its marts read (dim_users has no miles):
 * checks reading them are not run, as they test columns that are not there.
 */
const PARTIAL_BASE = new Set(['dim_users']);

/**
 * The sql/ models to run on an import, in order: the target marts and every model they read,
 * down to the import's base tables, which stand in for the models of the same name
 * (fct_user_days built from the import replaces the one built from stg_events) and are never
 * rebuilt. Also the checks that read only those tables. A target reading anything else is a
 * programming error, reported as such.
 */
export function buildableModels(models: readonly SqlModel[], base: readonly string[], targets: readonly string[]): { models: SqlModel[]; checks: SqlModel[] } {
  const byName = new Map(models.map((m) => [m.name, m]));
  const available = new Set(base);
  const chosen = new Map<string, SqlModel>();
  const visit = (name: string, from: string): void => {
    if (available.has(name) || chosen.has(name)) return;
    const model = byName.get(name);
    if (!model || model.layer === 'checks') throw new Error(`${from} reads "${name}", which an import does not provide`);
    for (const ref of model.references) visit(ref, model.path);
    chosen.set(name, model);
  };
  for (const target of targets) visit(target, 'the import');
  const built = new Set([...base, ...chosen.keys()]);
  const checks = models.filter(
    (m) => m.layer === 'checks' && m.references.length > 0 && m.references.every((r) => built.has(r) && !PARTIAL_BASE.has(r)) && m.references.some((r) => chosen.has(r)),
  );
  return { models: executionOrder([...chosen.values()], base), checks };
}

/**
 * A model's SQL reading its inputs from `schema`: each input becomes a CTE of the same name
 * over the schema's table, and a CTE shadows a table of that name everywhere in the query
 * (martQuery relies on the same rule). The generated data in the main schema is never read,
 * and the statement does not depend on the connection's search path, which the views use.
 */
export function inSchema(model: SqlModel, schema: string): string {
  if (model.references.length === 0) return model.sql;
  const ctes = model.references.map((r) => `${quoteIdent(r)} AS (SELECT * FROM ${qualified(schema, r)})`);
  return `WITH ${ctes.join(',\n')}\nSELECT * FROM (\n${model.sql}\n)`;
}
