import { DATE_FORMATS } from '../../import/guess';
import { mappingProblems, ROLES, type Role, TABLE_KINDS, type TableKind } from '../../import/roles';
import { chooseKind } from './importSession';
import { useImportStore } from './importStore';

const KIND_LABELS: Record<TableKind, string> = {
  transactions: 'Events or transactions',
  subscriptions: 'Subscriptions or invoices',
  customers: 'Customers with a duration',
};

/** The table's kind, each role's column (guessed, changeable), the date format and the cleaning rules. */
export function MappingForm({ columns }: { columns: readonly string[] }) {
  const { kind, mapping, dateFormat, rules, set } = useImportStore();
  const problems = mappingProblems(kind, mapping, columns);
  const setRole = (role: Role, column: string) => {
    const next = { ...mapping };
    if (column === '') delete next[role];
    else next[role] = column;
    set({ mapping: next });
  };
  return (
    <fieldset className="import-mapping">
      <legend>What the table is</legend>
      <label>
        Table kind{' '}
        <select value={kind} onChange={(e) => chooseKind(e.target.value as TableKind)}>
          {TABLE_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <table className="import-roles">
        <caption>Columns for each role (guessed from the names and values; change any)</caption>
        <tbody>
          {ROLES[kind].map((spec) => (
            <tr key={spec.role}>
              <th scope="row">
                <label htmlFor={`import-role-${spec.role}`}>
                  {spec.label} <code>{spec.role}</code>
                  {spec.required ? ' (required)' : ''}
                </label>
              </th>
              <td>
                <select id={`import-role-${spec.role}`} value={mapping[spec.role] ?? ''} onChange={(e) => setRole(spec.role, e.target.value)}>
                  <option value="">(none)</option>
                  {columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {kind !== 'customers' && (
        <label>
          Dates are written as{' '}
          <select value={dateFormat} onChange={(e) => set({ dateFormat: e.target.value })}>
            {DATE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f === 'iso' ? 'ISO (2011-12-09 or 2011-12-09 12:50:00)' : f}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="import-rules">
        <legend>Cleaning rules (rows without an id are always set aside)</legend>
        {kind !== 'customers' && (
          <label>
            <input
              type="checkbox"
              checked={rules.excludeOrderPattern !== null}
              disabled={mapping.order_id === undefined}
              onChange={(e) => set({ rules: { ...rules, excludeOrderPattern: e.target.checked ? '^C' : null } })}
            />{' '}
            Exclude cancellations: order ids matching{' '}
            <input
              aria-label="Cancellation pattern"
              value={rules.excludeOrderPattern ?? '^C'}
              disabled={rules.excludeOrderPattern === null}
              onChange={(e) => set({ rules: { ...rules, excludeOrderPattern: e.target.value } })}
              size={8}
            />
          </label>
        )}
        {kind !== 'customers' && (
          <label>
            <input type="checkbox" checked={rules.excludeNegative} onChange={(e) => set({ rules: { ...rules, excludeNegative: e.target.checked } })} /> Exclude returns: negative quantity or
            amount
          </label>
        )}
        <label>
          <input type="checkbox" checked={rules.dedupe} onChange={(e) => set({ rules: { ...rules, dedupe: e.target.checked } })} /> De-duplicate: drop rows identical to an earlier one
        </label>
      </fieldset>
      {problems.length > 0 && (
        <ul className="muted" data-testid="import-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
