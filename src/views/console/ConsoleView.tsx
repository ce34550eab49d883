import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ExportMenu } from '../../components/ExportMenu';
import { mapRows } from '../../engine/arrowRows';
import { browserStore, readValue, SAVED_KEYS, saveValue } from '../../storage/savedState';
import { useStore } from '../../state/store';
import { type ColumnRow, completionSchema, SCHEMA_SQL } from './completionSchema';
import { DEFAULT_CONSOLE_SQL, withoutTrailingSemicolon } from './consoleSql';
import { errorSummary } from './errorPosition';
import { addToHistory, readHistory, stepHistory, writeHistory } from './history';
import { QuickChart } from './QuickChart';
import { ResultGrid } from './ResultGrid';
import { SaveAsTable } from './SaveAsTable';
import { SqlEditor, type SqlEditorHandle } from './SqlEditor';
import { type ConsoleResult, useConsoleRun } from './useConsoleRun';
import './console.css';

const storage = browserStore();

/** An ad-hoc SQL console on the loaded database: editor, history, result grid, quick charts, export. */
export default function ConsoleView() {
  const queries = useStore((s) => s.queries);
  const editor = useRef<SqlEditorHandle>(null);
  const [initialText] = useState(() => readValue(storage, SAVED_KEYS.consoleText) ?? DEFAULT_CONSOLE_SQL);
  const draft = useRef(initialText);
  const [hasSelection, setHasSelection] = useState(false);
  const [history, setHistory] = useState(() => readHistory(storage));
  // -1 is the draft being typed; the ref serves the editor's callbacks, the state the select.
  const [historyIndex, setHistoryIndex] = useState(-1);
  const showingHistory = useRef(false);
  const [schemaVersion, setSchemaVersion] = useState(0);
  const [schema, setSchema] = useState<Record<string, string[]>>({});

  useEffect(() => {
    if (!queries) return;
    let live = true;
    queries.queryUncached(SCHEMA_SQL).then(
      (table) => live && setSchema(completionSchema(mapRows(table, (r) => r as unknown as ColumnRow))),
      // Without the schema the editor still completes keywords.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [queries, schemaVersion]);

  const onFinished = useCallback((sql: string) => {
    setHistory((previous) => {
      const next = addToHistory(previous, sql);
      writeHistory(storage, next);
      return next;
    });
    setHistoryIndex(-1);
    showingHistory.current = false;
    // A statement may have created or dropped tables: completion follows.
    setSchemaVersion((v) => v + 1);
  }, []);
  const { result, run, cancel } = useConsoleRun(onFinished);

  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const unsaved = useRef<string | null>(null);
  const onChange = useCallback((text: string) => {
    if (!showingHistory.current) draft.current = text;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    unsaved.current = text;
    saveTimer.current = setTimeout(() => {
      saveValue(storage, SAVED_KEYS.consoleText, text);
      unsaved.current = null;
    }, 250);
  }, []);
  useEffect(() => {
    // Text typed just before the view closes (or the page reloads) is saved, not dropped.
    const flush = () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
      if (unsaved.current !== null) saveValue(storage, SAVED_KEYS.consoleText, unsaved.current);
      unsaved.current = null;
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const showHistory = useCallback(
    (index: number) => {
      setHistoryIndex(index);
      showingHistory.current = index !== -1;
      editor.current?.setText(index === -1 ? draft.current : (history[index] ?? ''));
    },
    [history],
  );
  const onHistory = useCallback((direction: 'older' | 'newer') => showHistory(stepHistory(historyIndex, direction, history.length)), [history, historyIndex, showHistory]);
  const running = result.status === 'running';

  return (
    <section className="view console-view" aria-labelledby="console-title">
      <h2 id="console-title">SQL console</h2>
      <p className="convention">
        Any DuckDB SQL on the loaded tables (raw, bronze, silver, gold and your own). Ctrl+Enter (Cmd+Enter on a Mac) runs the selection, or everything;
        Alt+Up and Alt+Down walk the history. Results are read straight from DuckDB's Arrow output.
      </p>
      <div className="console-toolbar">
        <button type="button" disabled={running || !queries} onClick={() => editor.current && void run(editor.current.request())}>
          {hasSelection ? 'Run selection' : 'Run'}
        </button>
        <button type="button" className="secondary" disabled={!running} onClick={cancel}>
          Cancel
        </button>
        <label className="field console-history">
          <span>History</span>
          <select
            aria-label="History"
            value={historyIndex}
            onChange={(e) => {
              showHistory(Number(e.target.value));
              editor.current?.focus();
            }}
          >
            <option value={-1}>{history.length === 0 ? 'No queries yet' : `${history.length} recent quer${history.length === 1 ? 'y' : 'ies'}`}</option>
            {history.map((sql, i) => (
              <option key={sql} value={i} title={sql}>
                {sql.replace(/\s+/g, ' ').slice(0, 90)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <SqlEditor
        ref={editor}
        initialText={initialText}
        schema={schema}
        errorAt={result.status === 'error' ? result.errorAt : null}
        onChange={onChange}
        onSelectionChange={setHasSelection}
        onRun={(request) => void run(request)}
        onHistory={onHistory}
      />
      <ResultStatus result={result} />
      {result.status === 'done' && <ResultPanel key={result.id} result={result} onTableCreated={() => setSchemaVersion((v) => v + 1)} />}
    </section>
  );
}

/** Each status line carries data-run (the run's number), so a test can wait for a given run. */
function ResultStatus({ result }: { result: ConsoleResult }) {
  switch (result.status) {
    case 'idle':
      return (
        <p className="muted console-status" data-testid="console-status" data-status="idle">
          Nothing run yet.
        </p>
      );
    case 'running':
      return <RunningStatus startedAt={result.startedAt} run={result.id} />;
    case 'cancelled':
      return (
        <p className="console-status" role="status" data-testid="console-status" data-status="cancelled" data-run={result.id}>
          Cancelled after {seconds(result.elapsedMs)}.
        </p>
      );
    case 'error':
      return (
        <div className="console-status console-error" role="alert" data-testid="console-status" data-status="error" data-run={result.id}>
          <strong>{errorSummary(result.message)}</strong>
          <pre>{result.message}</pre>
        </div>
      );
    case 'done': {
      const columns = result.table.numCols;
      return (
        <p className="console-status" role="status" data-testid="console-status" data-status="done" data-run={result.id} data-rows={result.table.numRows}>
          {result.table.numRows.toLocaleString('en-US')} row{result.table.numRows === 1 ? '' : 's'} · {columns} column{columns === 1 ? '' : 's'} · {seconds(result.elapsedMs)}
        </p>
      );
    }
  }
}

function RunningStatus({ startedAt, run }: { startedAt: number; run: number }) {
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="console-status" role="status" data-testid="console-status" data-status="running" data-run={run}>
      Running… {seconds(now - startedAt)}
    </p>
  );
}

function ResultPanel({ result, onTableCreated }: { result: Extract<ConsoleResult, { status: 'done' }>; onTableCreated(): void }) {
  const [chartOpen, setChartOpen] = useState(false);
  const source = useMemo(() => ({ sql: withoutTrailingSemicolon(result.sql), name: 'query_result' }), [result.sql]);
  if (result.table.numCols === 0) return null;
  return (
    <div className="console-result">
      <div className="console-result-actions">
        {result.readOnly && <ExportMenu source={source} />}
        <SaveAsTable table={result.table} onSaved={onTableCreated} />
      </div>
      <ResultGrid table={result.table} />
      <details className="quick-chart-panel" open={chartOpen} onToggle={(e) => setChartOpen(e.currentTarget.open)}>
        <summary>Quick chart</summary>
        {chartOpen && <QuickChart table={result.table} />}
      </details>
    </div>
  );
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
