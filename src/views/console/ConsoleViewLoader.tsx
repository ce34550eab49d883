import { lazy, Suspense } from 'react';

// The console (CodeMirror and its SQL language) is a chunk of its own, fetched when the view
// opens: the first page does not pay for it.
const ConsoleView = lazy(() => import('./ConsoleView'));

export function ConsoleViewLoader() {
  return (
    <Suspense
      fallback={
        <section className="view" aria-busy="true">
          <h2>SQL console</h2>
          <p className="muted">Loading the SQL editor…</p>
        </section>
      }
    >
      <ConsoleView />
    </Suspense>
  );
}
