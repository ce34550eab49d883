import type { Table } from 'apache-arrow';
import { useMemo, useState } from 'react';
import { ExportAllMarts } from '../../components/ExportAllMarts';
import { ExportMenu } from '../../components/ExportMenu';
import { buildDictionary, type DictionaryEntry, searchDictionary } from '../../dictionary/dictionary';
import { mapRows, num } from '../../engine/arrowRows';
import { useQuery } from '../../hooks/useQuery';
import { useStore } from '../../state/store';
import { SQL_MODELS } from '../../pipeline/sqlFiles';
import { buildLineage, lineageOf } from './lineage';
import { LineageLine, ViewRowCount } from './LineageLine';

const ENTRIES = buildDictionary(SQL_MODELS);

const LINEAGE = buildLineage(SQL_MODELS);

const SQL = `SELECT c.table_name, c.column_name, c.data_type, t.estimated_size, v.view_name IS NOT NULL AS is_view
FROM information_schema.columns AS c
LEFT JOIN duckdb_tables() AS t ON t.table_name = c.table_name AND t.schema_name = c.table_schema
LEFT JOIN duckdb_views() AS v ON v.view_name = c.table_name AND v.schema_name = c.table_schema
WHERE c.table_schema = 'main'`;

interface Live {
  types: Map<string, string>;
  rows: Map<string, number>;
  /** Tables that are views: DuckDB keeps no row count for them, so they are counted on demand. */
  views: Set<string>;
}

function toLive(table: Table): Live {
  const live: Live = { types: new Map(), rows: new Map(), views: new Set() };
  for (const r of mapRows(table, (r) => r)) {
    live.types.set(`${String(r.table_name)}.${String(r.column_name)}`, String(r.data_type));
    if (r.estimated_size !== null) live.rows.set(String(r.table_name), num(r.estimated_size));
    if (r.is_view === true) live.views.add(String(r.table_name));
  }
  return live;
}

/** Every raw, silver and gold table and check with its columns, types, row counts and sources. */
export function DictionaryView() {
  const [query, setQuery] = useState('');
  // The view opens while the rest of the pipeline still builds; once it is done, the types and
  // counts are read again (a different text, so the query service does not answer from cache).
  const building = useStore((s) => s.checking);
  const result = useQuery(building ? `${SQL}\n-- while the pipeline builds` : SQL, 'dictionary', toLive);
  const live = result.status === 'ready' ? result.data : null;
  const shown = useMemo(() => searchDictionary(ENTRIES, query), [query]);
  return (
    <section className="view" aria-labelledby="dictionary-title">
      <h2 id="dictionary-title">Data dictionary</h2>
      <p className="convention">
        Every raw table the generator writes and every model and check of the SQL pipeline (sql/), with the descriptions
        written beside the SQL. Types and row counts are read from the database.
      </p>
      <label className="field search">
        <span>Search tables and columns</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. churn, miles, invoice" />
      </label>
      <p className="muted" aria-live="polite">
        {shown.length} of {ENTRIES.length} tables
      </p>
      <ExportAllMarts entries={ENTRIES} />
      {shown.map((entry) => (
        <DictionaryTable key={entry.name} entry={entry} live={live} />
      ))}
    </section>
  );
}

function DictionaryTable({ entry, live }: { entry: DictionaryEntry; live: Live | null }) {
  const rows = live?.rows.get(entry.name);
  return (
    <article className="dictionary-entry" data-table={entry.name} id={`dict-${entry.name}`}>
      <h3>
        <code>{entry.name}</code> <span className={`layer ${entry.layer}`}>{entry.layer}</span>
        {rows !== undefined && <span className="muted"> · {rows.toLocaleString('en-US')} rows</span>}
        {rows === undefined && live?.views.has(entry.name) && <ViewRowCount name={entry.name} />}
      </h3>
      <p>{entry.description}</p>
      {entry.layer !== 'checks' && <ExportMenu source={{ table: entry.name }} />}
      <LineageLine entry={entry} lineage={lineageOf(LINEAGE, entry.name)} />
      {entry.columns.length > 0 && (
        <table className="columns">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {entry.columns.map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                </td>
                <td>{live?.types.get(`${entry.name}.${c.name}`) ?? ''}</td>
                <td>{c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
