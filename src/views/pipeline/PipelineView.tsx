import { useCallback, useMemo, useState } from 'react';
import { type ChartClick, EChart } from '../../charts/EChart';
import { PIPELINE_SOURCES } from '../../pipeline/sources';
import { SQL_MODELS } from '../../pipeline/sqlFiles';
import { useStore } from '../../state/store';
import { ChartSection } from '../common/ChartSection';
import { ModelDetails } from './ModelDetails';
import { graphHeight, lineageOption } from './pipelineChart';
import { formatDuration, formatRows } from './pipelineFormat';
import { GRAPH_LAYERS, layeredLayout, lineage, matchingNodes, modelTimings } from './pipelineGraph';

/** The view reads the pipeline's definition and the run's progress, no table. */
export const PIPELINE_TABLES: readonly string[] = [];

/** The model lineage (raw → bronze → silver → gold) with each model's build time and rows, its SQL and its neighbours. */
export function PipelineView() {
  const stages = useStore((s) => s.stages);
  const nodes = useMemo(() => layeredLayout(lineage(SQL_MODELS, PIPELINE_SOURCES)), []);
  const timings = useMemo(() => modelTimings(stages), [stages]);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const matches = useMemo(() => matchingNodes(nodes, search), [nodes, search]);
  const option = useMemo(() => lineageOption(nodes, timings, { selected, matches }), [nodes, timings, selected, matches]);
  // In build order on screen: by layer, then column and row of the graph.
  const models = useMemo(
    () => nodes.filter((n) => n.layer !== 'raw').sort((a, b) => GRAPH_LAYERS.indexOf(a.layer) - GRAPH_LAYERS.indexOf(b.layer) || a.column - b.column || a.row - b.row),
    [nodes],
  );
  const listed = models.filter((n) => matches.has(n.name));
  const node = nodes.find((n) => n.name === selected);
  const onItemClick = useCallback((item: ChartClick) => {
    // Edges report a name too ("a > b"); only nodes select.
    if (nodes.some((n) => n.name === item.name)) setSelected(item.name);
  }, [nodes]);
  const built = models.filter((n) => timings.get(n.name)?.status === 'done').length;
  return (
    <section className="view" aria-labelledby="pipeline-title" data-testid="pipeline-view">
      <h2 id="pipeline-title">Pipeline</h2>
      <p className="convention">
        Every model of sql/, placed by layer (generated tables, bronze, silver, gold) and, inside a layer, after the models it reads, so
        every arrow points right. A node grows with the time its model took to build in this run; {built} of {models.length} models are
        built. Click a node (or Show in the table) for its SQL, what it reads and what reads it. Checks are listed in the Data quality view.
      </p>
      <label className="month-picker">
        Search models
        <input type="search" value={search} placeholder="model name" onChange={(e) => setSearch(e.target.value)} data-testid="pipeline-search" />
      </label>
      <ChartSection id="pipeline-lineage" title="Model lineage" note="Drag to pan, scroll to zoom. Models not matching the search are faded.">
        <div>
          <EChart chartId="pipeline-lineage" option={option} label="Lineage of the pipeline's models" height={graphHeight(nodes)} onItemClick={onItemClick} />
          {node ? (
            <ModelDetails
              node={node}
              model={SQL_MODELS.find((m) => m.name === node.name)}
              nodes={nodes}
              timing={timings.get(node.name)}
              onSelect={setSelected}
              onClose={() => setSelected(null)}
            />
          ) : (
            <p className="muted">Click a model to see its SQL and lineage.</p>
          )}
        </div>
      </ChartSection>
      <ChartSection id="pipeline-models" title="Models" note={`${listed.length} of ${models.length} models${search ? ` matching "${search}"` : ''}, in build columns from left to right.`}>
        <details className="data-table" open>
          <summary>Data table</summary>
          <table data-testid="pipeline-models-table">
            <caption>Every model with its layer, build time, rows and the tables it reads</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Layer</th>
                <th scope="col">Build time</th>
                <th scope="col">Rows</th>
                <th scope="col">Reads</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {listed.map((n) => (
                <tr key={n.name} data-model={n.name} aria-selected={n.name === selected}>
                  <th scope="row" data-col="model" className="text">
                    {n.name}
                  </th>
                  <td data-col="layer" className="text">
                    {n.layer}
                  </td>
                  <td data-col="duration">{formatDuration(timings.get(n.name)?.durationMs ?? null)}</td>
                  <td data-col="rows">{formatRows(timings.get(n.name)?.rows ?? null)}</td>
                  <td data-col="upstream" className="text">
                    {n.upstream.join(', ')}
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => setSelected(n.name)} aria-label={`Show ${n.name}`}>
                      Show
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </ChartSection>
    </section>
  );
}
