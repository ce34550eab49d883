import { useMemo, useState } from 'react';
import { useMartSql } from '../../hooks/useMartSql';
import { useQuery } from '../../hooks/useQuery';
import { ChartSection } from '../common/ChartSection';
import { type Column, DataTable } from '../common/DataTable';
import { formatInt } from '../common/format';
import { QueryStatus } from '../common/QueryStatus';
import { CsvDownloadError } from '../common/CsvDownloadError';
import { useCsvDownload } from '../common/downloadCsv';
import { negativeUsersSql } from './milesQueries';
import { type NegativeUser, negativeSummary, toNegativeUsers } from './milesRows';

const COLUMNS: Column<NegativeUser>[] = [
  { key: 'user', label: 'User', value: (r) => r.userId },
  { key: 'balance', label: 'Balance', value: (r) => formatInt(r.balance) },
  { key: 'earned', label: 'Earned', value: (r) => formatInt(r.totalEarned) },
  { key: 'redeemed', label: 'Redeemed', value: (r) => formatInt(r.totalRedeemed) },
  { key: 'firstSeen', label: 'First seen', value: (r) => r.firstSeenAt },
  { key: 'lastSeen', label: 'Last seen', value: (r) => r.lastSeenAt },
];

/**
 * Users whose balance is below zero (a redemption processed twice, seed 002's data-quality
 * alert): a tile with the count and the miles over-redeemed, drillable to the rows, with the
 * rows as a CSV download.
 */
export function NegativeBalances() {
  const mart = useMartSql('users_with_negative_miles');
  const sql = useMemo(() => negativeUsersSql(mart), [mart]);
  const state = useQuery(sql, 'miles-negative', toNegativeUsers);
  const [open, setOpen] = useState(false);
  const csv = useCsvDownload();
  return (
    <ChartSection id="miles-negative" title="Users with a negative miles balance" note="Balance = lifetime miles earned - redeemed at the as-of date; below zero means more was redeemed than earned.">
      <QueryStatus state={state} what="negative balances" isEmpty={() => false}>
        {(users) => {
          const summary = negativeSummary(users);
          return (
            <>
              <p data-testid="miles-negative-summary">
                <strong>{formatInt(summary.users)}</strong> {summary.users === 1 ? 'user has' : 'users have'} a negative balance,{' '}
                <strong>{formatInt(summary.milesOverRedeemed)}</strong> miles over-redeemed together.
              </p>
              {users.length > 0 && (
                <p style={{ display: 'flex', gap: 12 }}>
                  <button type="button" className="secondary" aria-expanded={open} aria-controls="miles-negative-rows" onClick={() => setOpen((o) => !o)}>
                    {open ? 'Hide the users' : `Show the ${formatInt(users.length)} users`}
                  </button>
                  <button type="button" className="secondary" onClick={() => csv.download(sql, 'users_with_negative_miles.csv')} disabled={!csv.ready}>
                    Download CSV
                  </button>
                </p>
              )}
              <CsvDownloadError error={csv.error} />
              {open && (
                <div id="miles-negative-rows">
                  <DataTable testId="miles-negative-table" caption="Users with a negative miles balance, most negative first" columns={COLUMNS} rows={users} rowKey={(r) => r.userId} summary="Users" open />
                </div>
              )}
            </>
          );
        }}
      </QueryStatus>
    </ChartSection>
  );
}
