import { useEffect, useState } from 'react';
import type { Stage } from '../state/sessionSlice';
import { useStore } from '../state/store';

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

/** Every stage of the run with its counts and elapsed time; failures with a retry. */
export function ProgressPanel({ onRetry }: { onRetry: () => void }) {
  const stages = useStore((s) => s.stages);
  const status = useStore((s) => s.status);
  const error = useStore((s) => s.error);
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
      {status === 'cancelled' && (
        <div role="status" className="notice">
          <p>The run was cancelled before the data was ready; nothing was kept.</p>
          <button type="button" onClick={onRetry}>
            Generate again
          </button>
        </div>
      )}
      {error && (
        <div role="alert" className="error">
          <p>{error.message}</p>
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      )}
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
