import type { ReactNode } from 'react';
import { needsFor } from '../../import/activation';
import { useStore } from '../../state/store';
import { returnToGeneratedData } from './importSession';
import { useImportStore } from './importStore';

/** Of the tables a view reads, those the active import built and those it did not. */
export function importCoverage(tables: readonly string[], built: readonly string[]): { covered: string[]; missing: string[] } {
  const have = new Set(built);
  return { covered: tables.filter((t) => have.has(t)), missing: tables.filter((t) => !have.has(t)) };
}

/**
 * While an import is the active data: a banner naming it (and its rules) above every view,
 * and, for a view that reads none of the import's tables, what the import would need instead
 * of the view. A view reading some of them opens; its other sections say what they need
 * (activation.ts makes their tables fail with that message).
 */
export function ImportedDataGate({ tables, label, children }: { tables: readonly string[]; label: string; children: ReactNode }) {
  const active = useImportStore((s) => s.active);
  const view = useStore((s) => s.view);
  if (!active) return <>{children}</>;
  const built = active.summary.tables.map((t) => t.name);
  const { covered, missing } = importCoverage(tables, built);
  const needs = [...new Set(missing.map(needsFor))];
  return (
    <>
      <div className="notice imported-data" role="note" data-testid="active-dataset">
        Showing imported data: <strong>{active.fileName}</strong> ({active.summary.spec.kind}, {active.summary.rowsKept.toLocaleString('en-US')} rows kept of{' '}
        {active.summary.rowsRead.toLocaleString('en-US')}). <span title={active.summary.rules.join('\n')}>Rules: {active.summary.rules.join(' ')}</span>{' '}
        {view !== 'import' && (
          <button type="button" className="link" onClick={() => void returnToGeneratedData()}>
            Back to the generated data
          </button>
        )}
      </div>
      {tables.length > 0 && covered.length === 0 ? (
        <section className="view">
          <h2>{label}</h2>
          <p className="muted" data-testid="view-needs-mapping">
            This view reads {tables.join(', ')}, which the imported data does not provide: it needs {needs.join('; or ')}.
          </p>
        </section>
      ) : (
        children
      )}
    </>
  );
}
