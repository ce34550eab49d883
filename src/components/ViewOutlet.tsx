import { useMemo } from 'react';
import { pendingTables } from '../state/pendingTables';
import { useStore } from '../state/store';
import { ImportedDataGate } from '../views/import/ImportedDataGate';
import { findView } from '../views/registry';

/**
 * The open view. Views open as soon as the first view's tables are built, while the rest of
 * the pipeline goes on; a view whose tables are not built yet says so instead of failing.
 */
export function ViewOutlet() {
  const view = useStore((s) => s.view);
  const stages = useStore((s) => s.stages);
  const definition = findView(view);
  const pending = useMemo(() => (definition ? pendingTables(stages, definition.tables) : []), [definition, stages]);
  if (!definition) return null;
  if (pending.length > 0) {
    return (
      <section className="view" aria-busy="true">
        <h2>{definition.label}</h2>
        <p className="muted">Building the tables this view reads: {pending.join(', ')}…</p>
      </section>
    );
  }
  const Component = definition.component;
  return (
    <ImportedDataGate tables={definition.tables} label={definition.label}>
      <Component />
    </ImportedDataGate>
  );
}
