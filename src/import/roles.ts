/**
 * What an imported table is and which of its columns play which part. The role names are
 * the command line's (`--role transactions --map customer_id=CustomerID,...`), so a mapping
 * made in the app replays unchanged in Node.
 */
export const TABLE_KINDS = ['transactions', 'subscriptions', 'customers'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export type Role =
  | 'customer_id'
  | 'occurred_at'
  | 'event_name'
  | 'order_id'
  | 'amount'
  | 'quantity'
  | 'unit_price'
  | 'account_id'
  | 'date'
  | 'plan'
  | 'duration'
  | 'churned'
  | 'segment';

/** How a role's text is read: ids and text stay text; the others are parsed and checked. */
export type ValueType = 'id' | 'timestamp' | 'number' | 'flag' | 'text';

export interface RoleSpec {
  role: Role;
  label: string;
  type: ValueType;
  required: boolean;
}

export const ROLES: Record<TableKind, readonly RoleSpec[]> = {
  transactions: [
    { role: 'customer_id', label: 'Customer or user id', type: 'id', required: true },
    { role: 'occurred_at', label: 'Timestamp', type: 'timestamp', required: true },
    { role: 'event_name', label: 'Event name', type: 'text', required: false },
    { role: 'order_id', label: 'Order id', type: 'id', required: false },
    { role: 'amount', label: 'Amount', type: 'number', required: false },
    { role: 'quantity', label: 'Quantity', type: 'number', required: false },
    { role: 'unit_price', label: 'Unit price', type: 'number', required: false },
  ],
  subscriptions: [
    { role: 'account_id', label: 'Account id', type: 'id', required: true },
    { role: 'date', label: 'Date', type: 'timestamp', required: true },
    { role: 'amount', label: 'Amount', type: 'number', required: true },
    { role: 'plan', label: 'Plan', type: 'text', required: false },
  ],
  customers: [
    { role: 'customer_id', label: 'Customer id', type: 'id', required: true },
    { role: 'duration', label: 'Duration (tenure)', type: 'number', required: true },
    { role: 'churned', label: 'Churned flag', type: 'flag', required: true },
    { role: 'segment', label: 'Segment', type: 'text', required: false },
  ],
};

/** Role → column name of the imported table. */
export type Mapping = Partial<Record<Role, string>>;

export function isTableKind(value: string): value is TableKind {
  return (TABLE_KINDS as readonly string[]).includes(value);
}

export function roleSpec(kind: TableKind, role: Role): RoleSpec | undefined {
  return ROLES[kind].find((r) => r.role === role);
}

/** The id role of a kind: its rows without one are always set aside. */
export function idRole(kind: TableKind): Role {
  return kind === 'subscriptions' ? 'account_id' : 'customer_id';
}

/** Every reason the mapping cannot be imported yet; empty when it can. */
export function mappingProblems(kind: TableKind, mapping: Mapping, columns: readonly string[]): string[] {
  const problems: string[] = [];
  const known = new Set(ROLES[kind].map((r) => r.role));
  for (const [role, column] of Object.entries(mapping) as [Role, string][]) {
    if (!known.has(role)) problems.push(`${role} is not a role of a ${kind} table (roles: ${[...known].join(', ')})`);
    else if (!columns.includes(column)) problems.push(`${role} is mapped to "${column}", which is not a column of the file`);
  }
  for (const spec of ROLES[kind]) {
    if (spec.required && mapping[spec.role] === undefined) problems.push(`map a column to ${spec.role} (${spec.label.toLowerCase()})`);
  }
  if (kind === 'transactions' && mapping.amount === undefined && (mapping.quantity === undefined) !== (mapping.unit_price === undefined)) {
    problems.push('an amount is either mapped itself or computed from both quantity and unit_price: map the other one too, or map amount');
  }
  return problems;
}

/** Whether the mapping gives a money amount per row (mapped, or quantity x unit price). */
export function hasAmount(kind: TableKind, mapping: Mapping): boolean {
  if (kind === 'customers') return false;
  return mapping.amount !== undefined || (mapping.quantity !== undefined && mapping.unit_price !== undefined);
}

export type Analysis = 'retention' | 'growth' | 'revenue' | 'survival';

export interface AnalysisAvailability {
  analysis: Analysis;
  label: string;
  available: boolean;
  /** What the mapping would need, when it is not available. */
  needs: string | null;
}

/** Which analyses a table kind and mapping allow, and what each missing one would need. */
export function analysesFor(kind: TableKind, mapping: Mapping): AnalysisAvailability[] {
  const activity = kind !== 'customers';
  const activityNeeds = 'a transactions table (customer_id and occurred_at) or a subscriptions table (account_id and date)';
  return [
    { analysis: 'retention', label: 'Cohort retention', available: activity, needs: activity ? null : activityNeeds },
    { analysis: 'growth', label: 'Growth accounting', available: activity, needs: activity ? null : activityNeeds },
    {
      analysis: 'revenue',
      label: 'Monthly revenue and revenue retention',
      available: hasAmount(kind, mapping),
      needs: hasAmount(kind, mapping) ? null : activity ? 'an amount column (or quantity and unit_price)' : 'a transactions or subscriptions table with an amount',
    },
    {
      analysis: 'survival',
      label: 'Survival by segment',
      available: kind === 'customers',
      needs: kind === 'customers' ? null : 'a customers table with customer_id, duration and churned (segment optional)',
    },
  ];
}
