import { useEffect, useState } from 'react';
import type { GeneratorParams } from '../generator/params';
import type { Stage } from '../state/sessionSlice';
import { useStore } from '../state/store';
import { RunOutcome } from './RunOutcome';

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

const ICON: Record<Stage['status'], string> = { pending: '○', running: '◐', done: '●', error: '✕', cancelled: '◌' };
const TITLE: Record<string, string> = { running: 'Preparing data…', error: 'Something went wrong', cancelled: 'Cancelled', ready: 'Data ready', idle: 'Starting…' };

/**
 * Every stage of the run with its counts and elapsed time; failures with a retry. `onRetry`
 * runs the same parameters again, or the ones given (a smaller size, the previous data).
 */
export function ProgressPanel({ onRetry }: { onRetry: (params?: GeneratorParams) => void }) {
  const stages = useStore((s) => s.stages);
  const status = useStore((s) => s.status);
  const cancelRun = useStore((s) => s.cancelRun);
  const checking = useStore((s) => s.checking);
  const now = useNow(status === 'running' || checking);
  const [open, setOpen] = useState(true);
  const total = stages.reduce((t, s) => t + (s.startedAt !== null && s.endedAt !== null && !s.id.startsWith('load') ? s.endedAt - s.startedAt : 0), 0);

  return (
    <section className="progress" aria-label="Progress" aria-live="polite" data-status={status}>
      <header>
        <h2>{status === 'ready' && checking ? 'Data ready · building the other tables and checking them…' : TITLE[status]}</h2>
        {status === 'running' && (
          <button type="button" className="secondary" onClick={cancelRun}>
            Cancel
          </button>
        )}
        {status === 'ready' && (
          <button type="button" className="link" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? 'Hide steps' : `Show steps (${formatMs(total)})`}
          </button>
        )}
      </header>
      <RunOutcome onRun={onRetry} />
      {(open || status !== 'ready') && (
        <table className="stages" data-testid="stages">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Rows</th>
              <th scope="col">Time</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((stage) => (
              <tr key={stage.id} data-stage={stage.id} data-status={stage.status}>
                <td>
                  <span className={`icon ${stage.status}`} aria-hidden="true">
                    {ICON[stage.status]}
                  </span>{' '}
                  {stage.label}
                </td>
                <td className="num">{stage.count === null ? '' : stage.count.toLocaleString('en-US')}</td>
                <td className="num" data-ms={stage.startedAt !== null ? Math.round((stage.endedAt ?? now) - stage.startedAt) : undefined}>
                  {stage.startedAt === null ? '' : formatMs((stage.endedAt ?? now) - stage.startedAt)}
                </td>
                <td className="detail">{stage.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
