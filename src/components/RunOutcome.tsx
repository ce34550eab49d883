import { describeSize, faultHeadline, smallerParams } from '../app/runFaults';
import type { GeneratorParams } from '../generator/params';
import { useStore } from '../state/store';

type Run = (params?: GeneratorParams) => void;

const describeData = (params: GeneratorParams) => `seed ${params.seed}, ${describeSize(params)}`;

/** "Restart with a smaller size" after a memory fault or a crash, when a smaller size exists. */
function SmallerButton({ params, onRun }: { params: GeneratorParams; onRun: Run }) {
  const smaller = smallerParams(params);
  if (!smaller) return null;
  return (
    <button type="button" onClick={() => onRun(smaller)} data-testid="restart-smaller">
      Restart with a smaller size ({describeSize(smaller)})
    </button>
  );
}

/** The previous data was released to make room for the run that stopped: offer it again. */
function ReleasedButton({ onRun }: { onRun: Run }) {
  const released = useStore((s) => s.released);
  if (!released) return null;
  return (
    <button type="button" className="secondary" onClick={() => onRun(released)} data-testid="load-previous">
      Load the previous data again ({describeData(released)})
    </button>
  );
}

/**
 * How a run ended when it did not replace the data: the error (with what kind of fault it was
 * and a smaller size to try), a cancellation, or, when the previous data came back, which run
 * stopped and why.
 */
export function RunOutcome({ onRun }: { onRun: Run }) {
  const status = useStore((s) => s.status);
  const error = useStore((s) => s.error);
  const params = useStore((s) => s.params);
  const interrupted = useStore((s) => s.interrupted);

  if (status === 'cancelled') {
    return (
      <div role="status" className="notice">
        <p>The run was cancelled before the data was ready; nothing was kept.</p>
        <button type="button" onClick={() => onRun()}>
          Generate again
        </button>{' '}
        <ReleasedButton onRun={onRun} />
      </div>
    );
  }
  if (status === 'error' && error) {
    return (
      <div role="alert" className="error" data-fault={error.fault ?? undefined}>
        {error.fault && <p className="fault">{faultHeadline(error.fault)}</p>}
        <p>{error.message}</p>
        <button type="button" onClick={() => onRun()}>
          Retry
        </button>{' '}
        {error.fault && params && <SmallerButton params={params} onRun={onRun} />} <ReleasedButton onRun={onRun} />
      </div>
    );
  }
  if (status === 'ready' && interrupted) {
    return (
      <div role="status" className="notice" data-testid="run-interrupted" data-fault={interrupted.fault ?? undefined}>
        <p>
          The run with {describeData(interrupted.params)} {interrupted.outcome === 'cancelled' ? 'was cancelled' : 'failed'} before its data was ready; the
          previous data is still loaded and shown.
        </p>
        {interrupted.fault && <p className="fault">{faultHeadline(interrupted.fault)}</p>}
        {interrupted.message && <p>{interrupted.message}</p>}
        <button type="button" onClick={() => onRun(interrupted.params)}>
          {interrupted.outcome === 'cancelled' ? 'Run it again' : 'Retry'}
        </button>{' '}
        {interrupted.fault && <SmallerButton params={interrupted.params} onRun={onRun} />}
      </div>
    );
  }
  return null;
}
