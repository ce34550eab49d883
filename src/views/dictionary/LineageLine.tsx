import type { Table } from 'apache-arrow';
import { useEffect, useRef, useState } from 'react';
import type { DictionaryEntry } from '../../dictionary/dictionary';
import { num } from '../../engine/arrowRows';
import { quoteIdent } from '../../engine/connector';
import { useQuery } from '../../hooks/useQuery';
import type { Lineage } from './lineage';

/** Table names as links to their dictionary entries. */
function Names({ names, kind }: { names: readonly string[]; kind: string }) {
  return (
    <ul className="lineage-names" data-lineage={kind} style={{ display: 'inline', padding: 0, margin: 0 }}>
      {names.map((n) => (
        <li key={n} style={{ display: 'inline', marginRight: 8 }}>
          <a href={`#dict-${n}`}>
            <code>{n}</code>
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * Where a table comes from (its SQL file, the tables it reads and everything upstream of
 * them) and where it goes (the models that read it, everything downstream, its checks).
 */
export function LineageLine({ entry, lineage }: { entry: DictionaryEntry; lineage: Lineage }) {
  // Checks are not part of the model graph: what they read is their lineage.
  const reads = lineage.reads.length > 0 ? lineage.reads : entry.upstream;
  return (
    <div className="lineage" data-testid={`lineage-${entry.name}`}>
      <div className="muted">
        From {entry.source}
        {reads.length > 0 && (
          <>
            {' '}
            reading <Names names={reads} kind="reads" />
          </>
        )}
      </div>
      {lineage.upstream.length > reads.length && (
        <details>
          <summary>Built from {lineage.upstream.length} tables upstream</summary>
          <Names names={lineage.upstream} kind="upstream" />
        </details>
      )}
      {lineage.readBy.length > 0 && (
        <div className="muted">
          Read by <Names names={lineage.readBy} kind="read-by" />
        </div>
      )}
      {lineage.downstream.length > lineage.readBy.length && (
        <details>
          <summary>{lineage.downstream.length} models downstream</summary>
          <Names names={lineage.downstream} kind="downstream" />
        </details>
      )}
      {lineage.checkedBy.length > 0 && (
        <details>
          <summary>Checked by {lineage.checkedBy.length} checks</summary>
          <Names names={lineage.checkedBy} kind="checked-by" />
        </details>
      )}
    </div>
  );
}

const countOf = (table: Table) => num(table.getChild('n')?.get(0));

/**
 * The row count of a view (raw `events`, silver `fct_events`), which DuckDB does not keep:
 * counted with count(*) once the entry scrolls into sight, as a view over millions of events
 * takes a moment to count and most entries are never looked at.
 */
export function ViewRowCount({ name }: { name: string }) {
  const marker = useRef<HTMLSpanElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = marker.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        observer.disconnect();
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <span ref={marker} className="muted" data-view-count={name}>
      {' · view'}
      {visible && <CountedRows name={name} />}
    </span>
  );
}

function CountedRows({ name }: { name: string }) {
  const result = useQuery(`SELECT count(*) AS n FROM ${quoteIdent(name)}`, `dictionary-count:${name}`, countOf);
  if (result.status === 'loading') return <>, counting rows…</>;
  if (result.status === 'error') return <>, rows not counted ({result.message})</>;
  return <>, {result.data.toLocaleString('en-US')} rows</>;
}
