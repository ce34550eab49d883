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
import { loadArrowIpc, loadCsv, previewRows, samplesOf, sourceRowCount } from '../../import/loadSource';
import type { TableKind } from '../../import/roles';
import { SNIFF_BYTES, sniffCsv } from '../../import/sniff';
import { SQL_MODELS } from '../../pipeline/sqlFiles';
import { useStore } from '../../state/store';
import { useImportStore } from './importStore';

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
export async function analyseStaged(): Promise<void> {
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
  if (staged && staged.schema === active?.schema) useImportStore.getState().set({ staged: null, phase: 'idle' });
  useImportStore.getState().set({ active: null });
  useStore.setState({ queries: new QueryService(engine.connector) });
}
