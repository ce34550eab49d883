import { quoteIdent } from '../engine/connector';
import { applyFilters, type Filters, hasFilters, isFilterable, NO_FILTERS, outputPeriodColumn, periodFilter, populationOnly, restrictsPopulation, restrictsUsers } from './filters';
import type { SqlModel } from './sqlModel';

/**
 * The SQL a view runs to read a mart under the global filters, without re-running the
 * pipeline. Unfiltered, it reads the materialised table. Filtered, it re-runs the mart's own
 * SELECT with its filter points filled in, and every upstream model that restricts accounts
 * or users (or reads one that does) is re-run the same way as a CTE of the same name: a CTE
 * shadows the table, so a projection such as social_capital_growth_accounting (over
 * growth_accounting_grains) is filtered through its source. Everything else is read from the
 * materialised tables, which keeps filtered queries cheap.
 *
 * The date range applies only to the period points of the mart queried, never upstream: it
 * chooses which of the mart's rows to show, and each kept row keeps its unfiltered figures
 * (a 3-month average or a previous month's value at the first kept month still sees the
 * months before it). So a date range alone never re-runs anything upstream: it cuts the
 * materialised table when the mart's period points name their output column, and re-runs
 * only the mart itself otherwise.
 *
 * In a mart of users (one with a users point) the platform is each user's own: the account
 * models it reads are not restricted by sign-up platform (see FillOptions).
 */
export function martQuery(models: readonly SqlModel[], name: string, filters: Filters): string {
  const byName = new Map(models.map((m) => [m.name, m]));
  const target = byName.get(name);
  if (!target) throw new Error(`Unknown model "${name}"`);
  if (!hasFilters(filters)) return `SELECT * FROM ${name}`;
  const population = populationOnly(filters);
  const upstream = hasFilters(population) ? populationChain(byName, name).filter((n) => n !== name) : [];
  const body = applyFilters(target.sql, filters);
  const unfiltered = applyFilters(target.sql, NO_FILTERS);
  if (upstream.length === 0 && body === unfiltered) return `SELECT * FROM ${name}`;
  const output = outputPeriodColumn(target.sql);
  if (upstream.length === 0 && output !== null && applyFilters(target.sql, population) === unfiltered) {
    // Only the date range applies, and it only keeps whole rows: cut the materialised table.
    return `SELECT * FROM ${name} WHERE ${periodFilter(filters, quoteIdent(output)) ?? 'TRUE'}`;
  }
  const options = { platformRestrictsAccounts: !restrictsUsers(target.sql) };
  const ctes = upstream.map((n) => `${n} AS (\n${applyFilters(byName.get(n)!.sql, population, options)}\n)`);
  return ctes.length === 0 ? body : `WITH ${ctes.join(',\n')}\nSELECT * FROM (\n${body}\n)`;
}

/** Whether a filter changes the mart's rows (it has filter points or reads a model restricting accounts or users). */
export function isFilterableMart(models: readonly SqlModel[], name: string): boolean {
  const byName = new Map(models.map((m) => [m.name, m]));
  const target = byName.get(name);
  return target !== undefined && (isFilterable(target.sql) || populationChain(byName, name).includes(name));
}

/**
 * The models to re-run for `name` under an account or user filter, upstream first: those
 * restricting accounts or users and those that read them, within `name`'s upstream closure.
 */
function populationChain(byName: ReadonlyMap<string, SqlModel>, name: string): string[] {
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
    let affected = restrictsPopulation(model.sql);
    for (const ref of model.references) if (visit(ref)) affected = true;
    memo.set(n, affected);
    if (affected) order.push(n);
    return affected;
  };
  visit(name);
  return order;
}
