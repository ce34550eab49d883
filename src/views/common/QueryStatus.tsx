import type { ReactNode } from 'react';
import type { QueryState } from '../../hooks/useQuery';

interface Props<T> {
  state: QueryState<T>;
  /** What is loaded, for the messages: "growth accounting". */
  what: string;
  isEmpty: (data: T) => boolean;
  /** Shown instead of the default when the data is empty (e.g. under the filters). */
  emptyMessage?: string;
  children: (data: T) => ReactNode;
}

/** The loading, error and empty states every chart shares; children draw the ready, non-empty data. */
export function QueryStatus<T>({ state, what, isEmpty, emptyMessage, children }: Props<T>) {
  if (state.status === 'loading') return <p className="muted">Loading {what}…</p>;
  if (state.status === 'error') {
    return (
      <p role="alert" className="error">
        Could not load {what}: {state.message}
      </p>
    );
  }
  if (isEmpty(state.data)) return <p className="muted">{emptyMessage ?? `No ${what} in the selected data.`}</p>;
  return <>{children(state.data)}</>;
}
