import type { Connector } from '../engine/connector';
import { quoteLiteral } from '../engine/connector';
import type { GeneratorParams } from '../generator/params';
import { createEventsView } from '../generator/eventsView';
import { RAW_TABLES } from '../generator/rawTables';

/** One-row table of the run's parameters; SQL reads the as-of date and window from it. */
export const RUN_PARAMS_TABLE = 'run_params';

/** Every table the pipeline may read without a model building it. */
export const PIPELINE_SOURCES: readonly string[] = [...RAW_TABLES, RUN_PARAMS_TABLE];

/** After the generated chunks are loaded: the run's parameters and the raw decoding views. */
export async function finishRawLoad(connector: Connector, params: GeneratorParams): Promise<void> {
  await createEventsView(connector);
  await writeRunParams(connector, params);
}

export async function writeRunParams(connector: Connector, params: GeneratorParams): Promise<void> {
  await connector.exec(
    `CREATE OR REPLACE TABLE ${RUN_PARAMS_TABLE} AS SELECT ` +
      [
        `CAST(${quoteLiteral(params.windowStart)} AS DATE) AS window_start`,
        `CAST(${quoteLiteral(params.windowEnd)} AS DATE) AS window_end`,
        `CAST(${quoteLiteral(params.asOf)} AS DATE) AS as_of_date`,
        `CAST(${params.seed} AS UBIGINT) AS seed`,
        `${quoteLiteral(params.preset)} AS preset`,
      ].join(', '),
  );
}
