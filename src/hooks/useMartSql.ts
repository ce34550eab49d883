import { useMemo } from 'react';
import { martQuery } from '../pipeline/martQuery';
import { SQL_MODELS } from '../pipeline/sqlFiles';
import { useStore } from '../state/store';

/**
 * The SQL reading a gold mart under the current global filters, to wrap in a view's own
 * query: `SELECT ... FROM (${useMartSql('monthly_revenue')}) AS m`. Unfiltered it reads the
 * materialised table; filtered it re-runs the mart over the filtered rows.
 */
export function useMartSql(name: string): string {
  const filters = useStore((s) => s.filters);
  return useMemo(() => martQuery(SQL_MODELS, name, filters), [name, filters]);
}
