import { errorMessage } from '../engine/connector';
import { WorkerFaultError } from '../engine/workerFaults';
import { type GeneratorParams, PRESETS, type PresetName, resolveParams, validateParams } from '../generator/params';

/**
 * What kind of failure ended a run, when it is one a smaller dataset may avoid: the database
 * ran out of memory, or a worker crashed or stopped answering (in a browser that is most often
 * memory too: a worker that cannot grow its heap dies).
 */
export type RunFault = 'memory' | 'crash' | 'stall';

const OUT_OF_MEMORY = [/out of memory/i, /Maximum memory size exceeded/i, /Array buffer allocation failed/i, /could not allocate/i, /WebAssembly\.Memory/i];

export function classifyFault(error: unknown): RunFault | null {
  if (error instanceof WorkerFaultError) return error.reason === 'stalled' ? 'stall' : 'crash';
  // The pipeline wraps the error of a failed model in its own, keeping the message.
  const message = errorMessage(error);
  if (/\bworker crashed: /.test(message)) return 'crash';
  if (/\bworker stopped responding: /.test(message)) return 'stall';
  return OUT_OF_MEMORY.some((pattern) => pattern.test(message)) ? 'memory' : null;
}

/** What the page says before the error itself, by kind of fault. */
export function faultHeadline(fault: RunFault): string {
  switch (fault) {
    case 'memory':
      return 'DuckDB ran out of memory for a dataset of this size.';
    case 'crash':
      return 'A worker of the page crashed (often because the browser could not give it more memory); the data of this run is gone.';
    case 'stall':
      return 'A worker of the page stopped responding, so the run was stopped.';
  }
}

const SMALLER_PRESET: Partial<Record<PresetName, PresetName>> = { large: 'demo', demo: 'tiny' };

/**
 * The next smaller size to offer after a memory fault: the next smaller preset when the run
 * used a preset's own size, otherwise half the accounts. Null when nothing smaller is valid.
 */
export function smallerParams(params: GeneratorParams): GeneratorParams | null {
  const presetSize = PRESETS[params.preset];
  const usesPreset = presetSize.accounts === params.accounts && presetSize.usersPerAccount === params.usersPerAccount;
  const smaller = SMALLER_PRESET[params.preset];
  const next =
    usesPreset && smaller
      ? resolveParams({ ...params, preset: smaller, ...PRESETS[smaller] })
      : resolveParams({ ...params, accounts: Math.floor(params.accounts / 2) });
  return validateParams(next).length === 0 ? next : null;
}

/** "50,000 accounts (large)", to name a size on a button. */
export function describeSize(params: GeneratorParams): string {
  const presetSize = PRESETS[params.preset];
  const usesPreset = presetSize.accounts === params.accounts && presetSize.usersPerAccount === params.usersPerAccount;
  return `${params.accounts.toLocaleString('en-US')} accounts${usesPreset ? ` (${params.preset})` : ''}`;
}
