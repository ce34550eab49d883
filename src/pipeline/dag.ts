import { LAYERS, type SqlModel } from './sqlModel';

export class PipelineDefinitionError extends Error {
  override name = 'PipelineDefinitionError';
}

/**
 * Orders models so that each runs after the models it reads. Ties are broken by priority
 * (the `priority` models and everything they read go first, so a view can open early), then
 * layer, then name, so the order is the same on every run. References to tables that are
 * neither a model nor a source are an error: a typo should fail before anything runs.
 */
export function executionOrder(models: readonly SqlModel[], sources: readonly string[], priority: readonly string[] = []): SqlModel[] {
  const byName = new Map<string, SqlModel>();
  for (const model of models) {
    if (byName.has(model.name)) throw new PipelineDefinitionError(`two SQL files define "${model.name}"`);
    if (sources.includes(model.name)) throw new PipelineDefinitionError(`model "${model.name}" has the name of a source table`);
    byName.set(model.name, model);
  }
  const deps = new Map<string, string[]>();
  for (const model of models) {
    const upstream: string[] = [];
    for (const ref of model.references) {
      if (byName.has(ref)) {
        if (byName.get(ref)!.layer === 'checks') throw new PipelineDefinitionError(`${model.path} reads the check "${ref}"`);
        upstream.push(ref);
      } else if (!sources.includes(ref)) {
        throw new PipelineDefinitionError(`${model.path} reads "${ref}", which is neither a model nor a source table`);
      }
    }
    deps.set(model.name, upstream);
  }
  const urgent = upstreamClosure(priority.filter((p) => byName.has(p)), deps);
  const rank = (m: SqlModel) => `${urgent.has(m.name) ? 0 : 1}:${LAYERS.indexOf(m.layer)}:${m.name}`;
  const remaining = new Map([...deps].map(([name, up]) => [name, new Set(up)]));
  const order: SqlModel[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].filter(([, up]) => up.size === 0).map(([name]) => byName.get(name)!);
    if (ready.length === 0) {
      throw new PipelineDefinitionError(`dependency cycle among: ${[...remaining.keys()].sort().join(', ')}`);
    }
    ready.sort((a, b) => rank(a).localeCompare(rank(b)));
    const next = ready[0]!;
    order.push(next);
    remaining.delete(next.name);
    for (const up of remaining.values()) up.delete(next.name);
  }
  return order;
}

/** The given models and every model they read, directly or not. */
export function upstreamClosure(targets: readonly string[], deps: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...targets];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...(deps.get(name) ?? []));
  }
  return seen;
}
