import type { SqlModel } from '../../pipeline/sqlModel';
import { allDownstream, allUpstream, type GraphNode, type ModelTiming } from './pipelineGraph';
import { formatDuration, formatRows } from './pipelineFormat';

interface Props {
  node: GraphNode;
  model: SqlModel | undefined;
  nodes: readonly GraphNode[];
  timing: ModelTiming | undefined;
  onSelect(name: string): void;
  onClose(): void;
}

function NameList({ names, onSelect, testId }: { names: readonly string[]; onSelect(name: string): void; testId: string }) {
  if (names.length === 0) return <span className="muted">none</span>;
  return (
    <ul data-testid={testId} style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 10px', listStyle: 'none', padding: 0, margin: 0 }}>
      {names.map((n) => (
        <li key={n}>
          <button type="button" className="link" onClick={() => onSelect(n)}>
            {n}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** One model of the lineage: what it is, what it reads and what reads it, and its SQL. */
export function ModelDetails({ node, model, nodes, timing, onSelect, onClose }: Props) {
  const readers = nodes.filter((n) => n.upstream.includes(node.name)).map((n) => n.name);
  const upstream = allUpstream(node.name, nodes);
  const downstream = allDownstream(node.name, nodes);
  return (
    <section className="drilldown" aria-labelledby="pipeline-model-title" data-testid="pipeline-model" data-model={node.name}>
      <header className="drilldown-header">
        <h3 id="pipeline-model-title">
          {node.name} <span className={`layer ${node.layer}`}>{node.layer}</span>
        </h3>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </header>
      <p>{model ? model.description : 'A table written by the generator (see the data dictionary).'}</p>
      <dl className="kpi-notes" style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px' }}>
        {model && (
          <>
            <dt>File</dt>
            <dd>
              <code>{model.path}</code>
            </dd>
            <dt>Built in</dt>
            <dd data-testid="pipeline-model-duration">{formatDuration(timing?.durationMs ?? null)}</dd>
            <dt>Rows</dt>
            <dd data-testid="pipeline-model-rows">{formatRows(timing?.rows ?? null)}</dd>
          </>
        )}
        <dt>Reads</dt>
        <dd>
          <NameList names={node.upstream} onSelect={onSelect} testId="pipeline-model-upstream" />
        </dd>
        <dt>Read by</dt>
        <dd>
          <NameList names={readers} onSelect={onSelect} testId="pipeline-model-downstream" />
        </dd>
        <dt>All upstream</dt>
        <dd data-testid="pipeline-model-all-upstream">{upstream.length === 0 ? 'none' : `${upstream.length}: ${upstream.join(', ')}`}</dd>
        <dt>All downstream</dt>
        <dd data-testid="pipeline-model-all-downstream">{downstream.length === 0 ? 'none' : `${downstream.length}: ${downstream.join(', ')}`}</dd>
      </dl>
      {model && (
        <details open>
          <summary>SQL</summary>
          <pre data-testid="pipeline-model-sql" style={{ maxHeight: 360, maxWidth: 'calc(100vw - 96px)', overflow: 'auto', fontSize: '0.8rem', background: 'var(--bg)', padding: 8 }}>
            <code>{model.sql}</code>
          </pre>
        </details>
      )}
    </section>
  );
}
