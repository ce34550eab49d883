import { applyFilters, type Filters, hasFilters, isFilterable } from './filters';
import type { SqlModel } from './sqlModel';

/**
 * The SQL a view runs to read a mart under the global filters, without re-running the
 * pipeline. Unfiltered, it reads the materialised table. Filtered, it re-runs the mart's own
 * SELECT with its filter points filled in, and every upstream model that has filter points
 * (or reads one that has) is re-run the same way as a CTE of the same name: a CTE shadows the
 * table, so a projection such as social_capital_growth_accounting (over
 * growth_accounting_grains) is filtered through its source. Everything else is read from the
 * materialised tables, which keeps filtered queries cheap.
 */
export function martQuery(models: readonly SqlModel[], name: string, filters: Filters): string {
  const byName = new Map(models.map((m) => [m.name, m]));
  const target = byName.get(name);
  if (!target) throw new Error(`Unknown model "${name}"`);
  if (!hasFilters(filters)) return `SELECT * FROM ${name}`;
  const inlined = filteredChain(byName, name);
  if (!inlined.includes(name)) return `SELECT * FROM ${name}`;
  const ctes = inlined.filter((n) => n !== name).map((n) => `${n} AS (\n${applyFilters(byName.get(n)!.sql, filters)}\n)`);
  const body = applyFilters(target.sql, filters);
  return ctes.length === 0 ? body : `WITH ${ctes.join(',\n')}\nSELECT * FROM (\n${body}\n)`;
}

/** Whether a filter changes the mart's rows (it or something it reads has filter points). */
export function isFilterableMart(models: readonly SqlModel[], name: string): boolean {
  return filteredChain(new Map(models.map((m) => [m.name, m])), name).includes(name);
}

/**
 * The models to re-run for `name`, upstream first: those with filter points and those that
 * read them, within `name`'s upstream closure.
 */
function filteredChain(byName: ReadonlyMap<string, SqlModel>, name: string): string[] {
  const memo = new Map<string, boolean>();
  const order: string[] = [];
  const visit = (n: string): boolean => {
    const known = memo.get(n);
    if (known !== undefined) return known;
    const model = byName.get(n);
    if (!model || model.layer === 'checks') {
      memo.set(n, false);
      return false;
    }
    memo.set(n, false); // guards against cycles, which the DAG already rejects
    let affected = isFilterable(model.sql);
    for (const ref of model.references) if (visit(ref)) affected = true;
    memo.set(n, affected);
    if (affected) order.push(n);
    return affected;
  };
  visit(name);
  return order;
}
