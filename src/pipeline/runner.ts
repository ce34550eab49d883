import type { Table } from 'apache-arrow';
import { type Connector, errorMessage, quoteIdent, quoteLiteral } from '../engine/connector';
import { executionOrder, upstreamClosure } from './dag';
import type { CheckSeverity, Layer, SqlModel } from './sqlModel';

export interface ModelResult {
  name: string;
  layer: Layer;
  path: string;
  durationMs: number;
  rows: number;
}

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface CheckResult {
  name: string;
  model: string | null;
  severity: CheckSeverity;
  status: CheckStatus;
  failingRows: number;
  /** Up to five offending rows, as JSON text. */
  sample: string[];
  durationMs: number;
}

export interface PipelineResult {
  models: ModelResult[];
  checks: CheckResult[];
  durationMs: number;
}

export type PipelineEvent =
  | { type: 'start'; order: SqlModel[] }
  | { type: 'model-start'; model: SqlModel }
  | { type: 'model-done'; result: ModelResult }
  /** The priority models and everything they read are built: a view reading them can open. */
  | { type: 'priority-done' }
  /** Every model is built (checks come after all models): the marts can be queried. */
  | { type: 'models-done'; models: ModelResult[] }
  | { type: 'check-done'; result: CheckResult };

export interface RunOptions {
  /** Tables loaded before the pipeline runs (raw data, run parameters). */
  sources: readonly string[];
  onEvent?: (event: PipelineEvent) => void;
  signal?: AbortSignal;
  /** Models to build first, with everything they read (see executionOrder). */
  priority?: readonly string[];
}

/** A model or check failed: names the file and carries DuckDB's message. */
export class ModelFailedError extends Error {
  override name = 'ModelFailedError';
  constructor(
    readonly model: string,
    readonly path: string,
    readonly sqlMessage: string,
  ) {
    super(`${path} (${model}) failed: ${sqlMessage}`);
  }
}

/** The table the data-quality view and the command line read check results from. */
export const CHECK_RESULTS_TABLE = 'dq_results';
const SAMPLE_ROWS = 5;

function firstNumber(table: Table): number {
  const value = table.getChildAt(0)?.get(0) as unknown;
  return typeof value === 'bigint' ? Number(value) : Number(value ?? 0);
}

function rowsAsJson(table: Table): string[] {
  return table.toArray().map((row: { toJSON(): object }) =>
    JSON.stringify(row.toJSON(), (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)),
  );
}

async function runModel(connector: Connector, model: SqlModel): Promise<ModelResult> {
  const started = performance.now();
  const table = quoteIdent(model.name);
  try {
    await connector.exec(`CREATE OR REPLACE ${model.materialization === 'view' ? 'VIEW' : 'TABLE'} ${table} AS\n${model.sql}`);
    const rows = firstNumber(await connector.query(`SELECT count(*) FROM ${table}`));
    return { name: model.name, layer: model.layer, path: model.path, durationMs: performance.now() - started, rows };
  } catch (error) {
    throw new ModelFailedError(model.name, model.path, errorMessage(error));
  }
}

async function runCheck(connector: Connector, check: SqlModel): Promise<CheckResult> {
  const started = performance.now();
  try {
    await connector.exec(`CREATE OR REPLACE TEMP TABLE __check_rows AS\n${check.sql}`);
    const failingRows = firstNumber(await connector.query('SELECT count(*) FROM __check_rows'));
    const sample = failingRows > 0 ? rowsAsJson(await connector.query(`SELECT * FROM __check_rows LIMIT ${SAMPLE_ROWS}`)) : [];
    await connector.exec('DROP TABLE __check_rows');
    const status: CheckStatus = failingRows === 0 ? 'pass' : check.severity === 'warn' ? 'warn' : 'fail';
    return { name: check.name, model: check.checkedModel, severity: check.severity, status, failingRows, sample, durationMs: performance.now() - started };
  } catch (error) {
    throw new ModelFailedError(check.name, check.path, errorMessage(error));
  }
}

async function storeCheckResults(connector: Connector, results: readonly CheckResult[]): Promise<void> {
  await connector.exec(
    `CREATE OR REPLACE TABLE ${CHECK_RESULTS_TABLE} (check_name VARCHAR, model VARCHAR, severity VARCHAR, status VARCHAR, failing_rows BIGINT, sample VARCHAR, duration_ms DOUBLE)`,
  );
  if (results.length === 0) return;
  const values = results.map((r) =>
    [
      quoteLiteral(r.name),
      r.model === null ? 'NULL' : quoteLiteral(r.model),
      quoteLiteral(r.severity),
      quoteLiteral(r.status),
      String(r.failingRows),
      quoteLiteral(`[${r.sample.join(',')}]`),
      r.durationMs.toFixed(3),
    ].join(', '),
  );
  await connector.exec(`INSERT INTO ${CHECK_RESULTS_TABLE} VALUES (${values.join('), (')})`);
}

/**
 * Runs every model in dependency order, then every check, timing each and counting rows.
 * Stops at the first failure with a ModelFailedError naming the file.
 */
export async function runPipeline(connector: Connector, definitions: readonly SqlModel[], options: RunOptions): Promise<PipelineResult> {
  const started = performance.now();
  const order = executionOrder(definitions, options.sources, options.priority);
  options.onEvent?.({ type: 'start', order });
  const byName = new Map(order.map((m) => [m.name, m]));
  const urgent = upstreamClosure(
    (options.priority ?? []).filter((p) => byName.has(p)),
    new Map(order.map((m) => [m.name, m.references.filter((r) => byName.has(r))])),
  );
  let urgentLeft = urgent.size;
  if (urgentLeft === 0) options.onEvent?.({ type: 'priority-done' });
  const models: ModelResult[] = [];
  const checks: CheckResult[] = [];
  let modelsDone = false;
  for (const model of order) {
    options.signal?.throwIfAborted();
    if (model.layer === 'checks' && !modelsDone) {
      modelsDone = true;
      options.onEvent?.({ type: 'models-done', models });
    }
    options.onEvent?.({ type: 'model-start', model });
    if (model.layer === 'checks') {
      const result = await runCheck(connector, model);
      checks.push(result);
      options.onEvent?.({ type: 'check-done', result });
    } else {
      const result = await runModel(connector, model);
      models.push(result);
      options.onEvent?.({ type: 'model-done', result });
      if (urgent.has(model.name) && --urgentLeft === 0) options.onEvent?.({ type: 'priority-done' });
    }
  }
  if (!modelsDone) options.onEvent?.({ type: 'models-done', models });
  await storeCheckResults(connector, checks);
  return { models, checks, durationMs: performance.now() - started };
}
