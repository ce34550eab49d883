import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { type Engine, getEngine } from '../../engine/browserDuckDb';
import { errorMessage, type FileConnector, quoteIdent } from '../../engine/connector';
import { QueryService } from '../../engine/queryService';
import { activateImport, deactivateImport } from '../../import/activation';
import { buildImport } from '../../import/buildImport';
import { importCommandLine } from '../../import/commandLine';
import { guessSpecDateFormat } from '../../import/dateFormat';
import { excelToIpc, type ExcelModule, type ParquetReader, parquetToIpc } from '../../import/fileReaders';
import { guessKind, guessMapping } from '../../import/guess';
import { ImportError } from '../../import/importError';
import { formatOf, tooLargeMessage } from '../../import/limits';
import { createImportSchema, loadArrowIpc, loadCsv, previewRows, samplesOf, sourceRowCount } from '../../import/loadSource';
import { restoreSourceSql, SAVED_IMPORT_ROWS, SAVED_IMPORT_SETTINGS } from '../../import/savedImport';
import type { TableKind } from '../../import/roles';
import { SNIFF_BYTES, sniffCsv } from '../../import/sniff';
import { SQL_MODELS } from '../../pipeline/sqlFiles';
import { useStore } from '../../state/store';
import { useSavedWork } from '../../storage/savedWork';
import { useImportStore } from './importStore';
import { forgetSavedImport, restoredSettings, saveImport } from './savedImportStorage';

/** Rows shown in the preview; the guesses look at more. */
export const PREVIEW_ROWS = 20;
const GUESS_ROWS = 200;

let schemaCounter = 0;
let parquetReady: Promise<ParquetReader> | null = null;
/** The database the active import lives in. */
let importEngine: Engine | null = null;

/**
 * A new generator run starts a new database and the import state starts over. The old
 * database may come back (a run that fails before its views open restores the previous data,
 * src/app/previousData.ts): it is put back on the generated data first, so it never shows an
 * import the page no longer knows about.
 */
useStore.subscribe((state, previous) => {
  if (state.runId === previous.runId) return;
  const { active } = useImportStore.getState();
  if (importEngine && active) void deactivateImport(importEngine.connector, active.schema).catch(() => undefined);
  importEngine = null;
  useImportStore.getState().reset();
});

async function parquetReader(): Promise<ParquetReader> {
  parquetReady ??= import('parquet-wasm/esm').then(async (module) => {
    await module.default({ module_or_path: parquetWasmUrl });
    return module as unknown as ParquetReader;
  });
  return parquetReady;
}

const fail = (error: unknown) => {
  const kind = error instanceof ImportError ? error.kind : 'internal';
  useImportStore.getState().set({ error: { kind, message: errorMessage(error) } });
};

async function dropSchema(connector: FileConnector, schema: string): Promise<void> {
  await connector.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`).catch(() => undefined);
}

/**
 * Loads a picked or dropped file into a schema of its own, after checking its size, and
 * guesses its kind, mapping and date format from the first rows. Whatever happens, the data
 * the views read (generated, or an earlier import) is left as it was.
 */
export async function stageFile(file: File): Promise<void> {
  const store = useImportStore.getState();
  store.set({ error: null });
  const format = formatOf(file.name);
  if (format === null) {
    fail(new ImportError('format', `${file.name}: the import reads CSV (.csv, .tsv, .txt), Parquet (.parquet) and Excel (.xlsx) files.`));
    return;
  }
  const tooLarge = tooLargeMessage(file.name, file.size, format);
  if (tooLarge !== null) {
    fail(new ImportError('too-large', tooLarge));
    return;
  }
  const engine = await getEngine();
  const connector = engine.connector;
  const previous = store.staged;
  if (previous && previous.schema !== store.active?.schema) await dropSchema(connector, previous.schema);
  const schema = `import_${++schemaCounter}`;
  store.set({ phase: 'loading', staged: null });
  const started = performance.now();
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let sniff = null;
    if (format === 'csv') {
      sniff = sniffCsv(bytes.subarray(0, SNIFF_BYTES), { truncated: bytes.length > SNIFF_BYTES });
      const path = await engine.connector.registerFile(`${schema}.csv`, bytes);
      try {
        await loadCsv(connector, schema, path, sniff);
      } finally {
        await connector.dropFile(path);
      }
    } else if (format === 'parquet') {
      await loadArrowIpc(connector, schema, parquetToIpc(await parquetReader(), bytes), 1);
    } else {
      const exceljs = (await import('exceljs')) as unknown as ExcelModule & { default?: ExcelModule };
      await loadArrowIpc(connector, schema, await excelToIpc(exceljs.default ?? exceljs, bytes), 2);
    }
    const loadMs = performance.now() - started;
    const sample = await previewRows(connector, schema, GUESS_ROWS);
    const samples = samplesOf(sample);
    const kind = guessKind(samples);
    const mapping = guessMapping(kind, samples);
    useImportStore.getState().set({
      phase: 'loaded',
      staged: { name: file.name, size: file.size, format, schema, columns: sample.columns, preview: sample.rows.slice(0, PREVIEW_ROWS), rows: await sourceRowCount(connector, schema), loadMs, sniff, notes: sniff?.notes ?? [] },
      kind,
      mapping,
      dateFormat: guessSpecDateFormat(kind, mapping, samples),
      runId: useStore.getState().runId,
    });
  } catch (error) {
    await dropSchema(connector, schema);
    useImportStore.getState().set({ phase: 'idle' });
    fail(error);
  }
}

/** A new table kind: the mapping is guessed again for it. */
export function chooseKind(kind: TableKind): void {
  const { staged, set } = useImportStore.getState();
  if (!staged) return;
  const samples = samplesOf({ columns: staged.columns, rows: staged.preview });
  const mapping = guessMapping(kind, samples);
  set({ kind, mapping, dateFormat: guessSpecDateFormat(kind, mapping, samples) });
}

/**
 * Builds the import's marts in its schema and, only when everything succeeded, makes it the
 * data the views read (a failure leaves the current data as it was).
 */
export async function analyseStaged({ save = true }: { save?: boolean } = {}): Promise<void> {
  const state = useImportStore.getState();
  const staged = state.staged;
  if (!staged) return;
  state.set({ phase: 'building', error: null });
  const engine = await getEngine();
  const spec = { kind: state.kind, mapping: state.mapping, dateFormat: state.dateFormat, rules: state.rules };
  try {
    const summary = await buildImport(engine.connector, staged.schema, SQL_MODELS, spec, staged.columns);
    await activateImport(engine.connector, staged.schema);
    importEngine = engine;
    const previous = state.active;
    if (previous && previous.schema !== staged.schema) await dropSchema(engine.connector, previous.schema);
    const commandLine = importCommandLine(staged.name, spec, { delimiter: staged.sniff?.delimiter === ',' ? undefined : staged.sniff?.delimiter, encoding: staged.sniff?.encoding });
    useImportStore.getState().set({ phase: 'loaded', active: { schema: staged.schema, fileName: staged.name, summary, commandLine } });
    // In the background: the views already read the import; a failure is shown by the Saved work bar.
    if (save) void saveImport(engine.connector, staged.schema, { fileName: staged.name, size: staged.size, format: staged.format, columns: staged.columns, spec, sniff: staged.sniff }).catch(() => undefined);
    // Every view reads the import from now on: a new query service forgets cached results,
    // and the account and user filters, which are about generated accounts, are cleared.
    useStore.getState().clearFilters();
    useStore.setState({ queries: new QueryService(engine.connector) });
  } catch (error) {
    useImportStore.getState().set({ phase: 'loaded' });
    fail(error);
  }
}

/** Back to the generated data; the imported tables are dropped. */
export async function returnToGeneratedData(): Promise<void> {
  const { active, staged } = useImportStore.getState();
  const engine = await getEngine();
  await deactivateImport(engine.connector, active?.schema ?? null);
  importEngine = null;
  void forgetSavedImport();
  if (staged && staged.schema === active?.schema) useImportStore.getState().set({ staged: null, phase: 'idle' });
  useImportStore.getState().set({ active: null });
  useStore.setState({ queries: new QueryService(engine.connector) });
}

/** The first run of this page: only it brings a saved import back (a new run starts on the generated data, as before). */
let firstRun: number | null = null;
let restoreTried = false;

/**
 * After a reload: once the first run's checks are over (activation changes the search path
 * they read through) and the saved tables are back in its database, the saved import is
 * rebuilt from its rows and settings exactly as Analyse builds it, and becomes the data the
 * views read again.
 */
function restoreWhenReady(): void {
  const state = useStore.getState();
  if (state.status !== 'ready') return;
  firstRun ??= state.runId;
  if (restoreTried || state.runId !== firstRun || state.checking) return;
  const restored = useSavedWork.getState().restoredTables;
  if (!restored.includes(SAVED_IMPORT_ROWS) || !restored.includes(SAVED_IMPORT_SETTINGS)) return;
  restoreTried = true;
  void restoreSavedImport(state.runId);
}
useStore.subscribe(restoreWhenReady);
useSavedWork.subscribe(restoreWhenReady);

async function restoreSavedImport(runId: number): Promise<void> {
  const engine = await getEngine();
  const connector = engine.connector;
  const schema = `import_${++schemaCounter}`;
  const started = performance.now();
  try {
    const settings = await restoredSettings(connector);
    if (settings === null || useStore.getState().runId !== runId || useImportStore.getState().active !== null) return;
    useImportStore.getState().set({ phase: 'loading', error: null });
    await createImportSchema(connector, schema);
    await connector.exec(restoreSourceSql(schema, settings.columns));
    // The rows now live in the import's schema: the restored copy would double their memory.
    await connector.exec(`DROP TABLE IF EXISTS main.${quoteIdent(SAVED_IMPORT_ROWS)}`);
    const sample = await previewRows(connector, schema, PREVIEW_ROWS);
    const note = `Restored from the copy saved in this browser (${settings.fileName}, with the mapping and rules chosen then).`;
    useImportStore.getState().set({
      phase: 'loaded',
      staged: { name: settings.fileName, size: settings.size, format: settings.format, schema, columns: sample.columns, preview: sample.rows, rows: await sourceRowCount(connector, schema), loadMs: performance.now() - started, sniff: settings.sniff, notes: [note, ...(settings.sniff?.notes ?? [])] },
      kind: settings.spec.kind,
      mapping: settings.spec.mapping,
      dateFormat: settings.spec.dateFormat,
      rules: settings.spec.rules,
      runId,
    });
  } catch (error) {
    await dropSchema(connector, schema);
    useImportStore.getState().set({ phase: 'idle', staged: null });
    fail(new Error(`The saved import could not be restored: ${errorMessage(error)}`));
    return;
  }
  await analyseStaged({ save: false });
}
