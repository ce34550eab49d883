import { type ColumnSample, guessDateFormat } from './guess';
import type { Mapping, TableKind } from './roles';

/** The column holding the kind's timestamp, if it is mapped. */
export function dateColumn(kind: TableKind, mapping: Mapping): string | undefined {
  return kind === 'transactions' ? mapping.occurred_at : kind === 'subscriptions' ? mapping.date : undefined;
}

/** The date format of the mapped timestamp column, guessed from its first values ('iso' when nothing fits: the check then names the rows). */
export function guessSpecDateFormat(kind: TableKind, mapping: Mapping, samples: readonly ColumnSample[]): string {
  const column = dateColumn(kind, mapping);
  const sample = samples.find((s) => s.name === column);
  return (sample && guessDateFormat(sample.values)) ?? 'iso';
}
