import type { Table } from 'apache-arrow';
import { isoDate, mapRows, num } from '../../engine/arrowRows';
import { formatCount, formatCurrency, formatPercent } from '../../format/numbers';
import { useQuery } from '../../hooks/useQuery';
import { DataTable } from '../common/DataTable';
import { QueryStatus } from '../common/QueryStatus';

export interface ImportedRevenueRow {
  month: string;
  partial: boolean;
  revenue: number;
  customers: number;
  newRevenue: number;
  churned: number;
  nrr: number | null;
}

const SQL = `SELECT month, is_partial_month, CAST(end_mrr AS DOUBLE) AS end_mrr, paying_accounts_end, CAST(new_mrr AS DOUBLE) AS new_mrr,
  CAST(churned_mrr AS DOUBLE) AS churned_mrr, nrr FROM monthly_revenue ORDER BY month`;

export function revenueRows(table: Table): ImportedRevenueRow[] {
  return mapRows(table, (r) => ({
    month: isoDate(r.month).slice(0, 7),
    partial: Boolean(r.is_partial_month),
    revenue: num(r.end_mrr),
    customers: num(r.paying_accounts_end),
    newRevenue: num(r.new_mrr),
    churned: num(r.churned_mrr),
    nrr: r.nrr === null ? null : num(r.nrr),
  }));
}

/** Monthly revenue of the imported customers (monthly_revenue run on the import), as a table. */
export function ImportRevenue() {
  const state = useQuery(SQL, 'import-revenue', revenueRows);
  return (
    <section aria-labelledby="import-revenue-title">
      <h3 id="import-revenue-title">Monthly revenue of the imported data</h3>
      <p className="convention">
        A customer's revenue of a month is the sum of its kept rows in that month (the MRR bridge of monthly_revenue run on it): new is a first
        month with revenue, churned is revenue lost when a customer buys nothing the next month.
      </p>
      <QueryStatus state={state} what="monthly revenue" isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <DataTable
            testId="import-revenue-table"
            caption="Revenue by month"
            open
            rows={rows}
            rowKey={(r) => r.month}
            isPartial={(r) => r.partial}
            columns={[
              { key: 'month', label: 'Month', value: (r) => `${r.month}${r.partial ? ' (partial)' : ''}` },
              { key: 'revenue', label: 'Revenue', value: (r) => formatCurrency(r.revenue) },
              { key: 'customers', label: 'Paying customers', value: (r) => formatCount(r.customers) },
              { key: 'new', label: 'New', value: (r) => formatCurrency(r.newRevenue) },
              { key: 'churned', label: 'Churned', value: (r) => formatCurrency(r.churned) },
              { key: 'nrr', label: 'NRR (month)', value: (r) => formatPercent(r.nrr) },
            ]}
          />
        )}
      </QueryStatus>
    </section>
  );
}
