import { upstreamClosure } from '../../pipeline/dag';
import type { SqlModel } from '../../pipeline/sqlModel';
import type { Stage } from '../../state/sessionSlice';

/** Columns of the lineage, left to right: the generated tables, then the pipeline's layers. */
export const GRAPH_LAYERS = ['raw', 'bronze', 'silver', 'gold'] as const;
export type GraphLayer = (typeof GRAPH_LAYERS)[number];

export interface GraphNode {
  name: string;
  layer: GraphLayer;
  /** The models it reads directly (raw tables included). */
  upstream: string[];
}

/**
 * The lineage of the models (checks left out: they end the graph and would only add leaves):
 * one node per model and per source table a model reads, with its direct upstream.
 */
export function lineage(models: readonly SqlModel[], sources: readonly string[]): GraphNode[] {
  const built = models.filter((m) => m.layer !== 'checks');
  const names = new Set(built.map((m) => m.name));
  const used = new Set(built.flatMap((m) => m.references).filter((r) => sources.includes(r) && !names.has(r)));
  const raw = [...used].sort().map((name) => ({ name, layer: 'raw' as const, upstream: [] }));
  const nodes = built.map((m) => ({
    name: m.name,
    layer: m.layer as GraphLayer,
    upstream: [...new Set(m.references.filter((r) => names.has(r) || used.has(r)))].sort(),
  }));
  return [...raw, ...nodes];
}

export interface Placed extends GraphNode {
  /** The band of columns it is drawn in: its layer, or a later one when it reads a model of a later layer. */
  band: GraphLayer;
  /** Column (0 = leftmost) and position in the column (0 = top). */
  column: number;
  row: number;
}

/**
 * A layered layout: each layer gets a band of contiguous columns, and inside a band a node
 * sits one column right of the same-band models it reads (longest path), so every edge
 * points right. A model that reads a later layer (a silver input built from a gold table)
 * is drawn in that layer's band, in its own layer's colour. In a column, nodes are ordered
 * by the mean row of their upstream nodes (the barycentre heuristic, which keeps related
 * models near each other and edges short), then by name.
 */
export function layeredLayout(nodes: readonly GraphNode[]): Placed[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const upstreamOf = (node: GraphNode) => node.upstream.map((u) => byName.get(u)).filter((u): u is GraphNode => u !== undefined);
  const band = new Map<string, number>();
  const depth = new Map<string, number>();
  // Memoised depth-first walks; `trail` catches a cycle instead of recursing forever.
  const bandOf = (node: GraphNode, trail: ReadonlySet<string>): number => {
    const known = band.get(node.name);
    if (known !== undefined) return known;
    if (trail.has(node.name)) throw new Error(`dependency cycle through ${node.name}`);
    const next = new Set(trail).add(node.name);
    const b = Math.max(GRAPH_LAYERS.indexOf(node.layer), ...upstreamOf(node).map((u) => bandOf(u, next)));
    band.set(node.name, b);
    return b;
  };
  const depthOf = (node: GraphNode, trail: ReadonlySet<string>): number => {
    const known = depth.get(node.name);
    if (known !== undefined) return known;
    if (trail.has(node.name)) throw new Error(`dependency cycle through ${node.name}`);
    const next = new Set(trail).add(node.name);
    const same = upstreamOf(node).filter((u) => bandOf(u, new Set()) === bandOf(node, new Set()));
    const d = same.length === 0 ? 0 : Math.max(...same.map((u) => depthOf(u, next) + 1));
    depth.set(node.name, d);
    return d;
  };
  let offset = 0;
  const column = new Map<string, number>();
  GRAPH_LAYERS.forEach((_, b) => {
    const members = nodes.filter((n) => bandOf(n, new Set()) === b);
    if (members.length === 0) return;
    let widest = 0;
    for (const n of members) {
      const d = depthOf(n, new Set());
      column.set(n.name, offset + d);
      widest = Math.max(widest, d);
    }
    offset += widest + 1;
  });
  const row = new Map<string, number>();
  for (let c = 0; c < offset; c += 1) {
    const inColumn = nodes.filter((n) => column.get(n.name) === c);
    const centre = (n: GraphNode) => {
      const rows = n.upstream.map((u) => row.get(u)).filter((r): r is number => r !== undefined);
      return rows.length === 0 ? Number.POSITIVE_INFINITY : rows.reduce((a, b) => a + b, 0) / rows.length;
    };
    const keyed = inColumn.map((n) => ({ n, centre: centre(n) }));
    keyed.sort((a, b) => a.centre - b.centre || a.n.name.localeCompare(b.n.name));
    keyed.forEach(({ n }, i) => row.set(n.name, i));
  }
  return nodes.map((n) => ({ ...n, band: GRAPH_LAYERS[band.get(n.name)!]!, column: column.get(n.name)!, row: row.get(n.name)! }));
}

/** Direct readers of each node. */
export function downstreamMap(nodes: readonly GraphNode[]): Map<string, string[]> {
  const down = new Map<string, string[]>(nodes.map((n) => [n.name, []]));
  for (const n of nodes) for (const u of n.upstream) down.get(u)?.push(n.name);
  for (const list of down.values()) list.sort();
  return down;
}

/** Everything a node reads, directly or not (itself left out). */
export function allUpstream(name: string, nodes: readonly GraphNode[]): string[] {
  const deps = new Map(nodes.map((n) => [n.name, n.upstream]));
  return [...upstreamClosure([name], deps)].filter((n) => n !== name).sort();
}

/** Everything that reads a node, directly or not (itself left out): the upstream closure of the reversed graph. */
export function allDownstream(name: string, nodes: readonly GraphNode[]): string[] {
  return [...upstreamClosure([name], downstreamMap(nodes))].filter((n) => n !== name).sort();
}

export interface ModelTiming {
  durationMs: number | null;
  rows: number | null;
  status: Stage['status'];
}

/** Each model's build time and row count from the progress stages (`model:<name>`). */
export function modelTimings(stages: readonly Stage[]): Map<string, ModelTiming> {
  const timings = new Map<string, ModelTiming>();
  for (const s of stages) {
    if (!s.id.startsWith('model:')) continue;
    const durationMs = s.startedAt !== null && s.endedAt !== null ? s.endedAt - s.startedAt : null;
    timings.set(s.id.slice('model:'.length), { durationMs, rows: s.count, status: s.status });
  }
  return timings;
}

/** Nodes whose name holds every word of the search (case-insensitive); all of them for an empty search. */
export function matchingNodes(nodes: readonly GraphNode[], search: string): Set<string> {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return new Set(nodes.filter((n) => words.every((w) => n.name.toLowerCase().includes(w))).map((n) => n.name));
}
