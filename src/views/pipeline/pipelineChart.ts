import type { ChartOption } from '../../charts/echarts';
import { type GraphLayer, type ModelTiming, type Placed } from './pipelineGraph';

export const LAYER_COLORS: Record<GraphLayer, string> = { raw: '#7b8794', bronze: '#b7791f', silver: '#718096', gold: '#d4a017' };

const COLUMN_WIDTH = 100;
const ROW_HEIGHT = 24;

/** Room the graph needs: rows of the fullest column. */
export function graphHeight(nodes: readonly Placed[]): number {
  const rows = Math.max(1, ...nodes.map((n) => n.row + 1));
  return Math.min(900, Math.max(320, rows * ROW_HEIGHT + 60));
}

/** A node's size grows with the log of its build time, so a slow model stands out without dwarfing the rest. */
export function nodeSize(durationMs: number | null): number {
  return durationMs === null ? 8 : 8 + 4 * Math.log10(1 + Math.max(0, durationMs));
}

/**
 * The lineage as an echarts graph at fixed positions (x = column, y = row). Nodes not
 * matching the search are faded; the selected node and its direct neighbours are labelled
 * (all nodes are when the graph is small enough for labels not to overlap).
 */
export function lineageOption(nodes: readonly Placed[], timings: ReadonlyMap<string, ModelTiming>, options: { selected: string | null; matches: ReadonlySet<string> }): ChartOption {
  const selected = nodes.find((n) => n.name === options.selected);
  const neighbours = new Set(selected ? [selected.name, ...selected.upstream, ...nodes.filter((n) => n.upstream.includes(selected.name)).map((n) => n.name)] : []);
  const searching = options.matches.size < nodes.length;
  const labelAll = nodes.length <= 30;
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataType?: string; name: string; data?: { source?: string; target?: string } }) => {
        if (p.dataType === 'edge') return `${p.data?.source ?? ''} → ${p.data?.target ?? ''}`;
        const t = timings.get(p.name);
        const node = nodes.find((n) => n.name === p.name);
        const figures = t ? `${t.durationMs === null ? 'n/a' : `${Math.round(t.durationMs)} ms`}, ${t.rows === null ? 'n/a' : t.rows.toLocaleString('en-US')} rows` : 'generated table';
        return `${p.name} (${node?.layer ?? ''})<br/>${figures}<br/><i>Click for its SQL and lineage</i>`;
      },
    },
    series: [
      {
        type: 'graph',
        layout: 'none',
        roam: true,
        cursor: 'pointer',
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 5,
        emphasis: { focus: 'adjacency' },
        lineStyle: { opacity: 0.35, width: 1, curveness: 0.15 },
        label: { position: 'right', fontSize: 10 },
        data: nodes.map((n) => {
          const highlighted = neighbours.has(n.name) || (searching && options.matches.has(n.name));
          return {
            name: n.name,
            x: n.column * COLUMN_WIDTH,
            y: n.row * ROW_HEIGHT,
            symbolSize: nodeSize(timings.get(n.name)?.durationMs ?? null),
            itemStyle: {
              color: LAYER_COLORS[n.layer],
              opacity: searching && !options.matches.has(n.name) ? 0.2 : 1,
              borderColor: n.name === options.selected ? '#1f6feb' : undefined,
              borderWidth: n.name === options.selected ? 3 : 0,
            },
            label: { show: labelAll || highlighted },
          };
        }),
        // The selected model's own edges are drawn bold.
        links: nodes.flatMap((n) =>
          n.upstream.map((u) => ({ source: u, target: n.name, ...(selected && (u === selected.name || n.name === selected.name) ? { lineStyle: { opacity: 0.9, width: 2 } } : {}) })),
        ),
      },
    ],
  };
}
