import type { Account } from './accounts';
import { TableBuilder } from './arrow/tableBuilder';
import { MS_PER_DAY } from './calendar';
import { CHANGE_TYPES, type AccountLife, type Invoice } from './lifecycle';
import type { Rng } from './prng';
import { PRIORITY_LABELS, SMALL_RAW_TABLES, type SmallRawTable } from './rawSchema';
import type { Opportunity } from './sales';
import type { AccountSupport } from './support';

const PAYMENT_STATUSES = ['paid', 'late', 'failed'] as const;
const TRANSACTION_TYPES = ['subscription', 'add_on', 'gift'] as const;
const REASONS = ['refund', 'chargeback', 'unsatisfied_return'] as const;
/** Messy spellings of high, critical and low priorities, by clean priority index. */
const MESSY_PRIORITY = [PRIORITY_LABELS.indexOf('LOW '), -1, PRIORITY_LABELS.indexOf('High'), PRIORITY_LABELS.indexOf(' critical')];

/** Story 9: the invoices export writes amounts as text, a few with thousands separators or a $. */
function amountText(value: number, dirt: Rng, dirtRate: number): string {
  const plain = value.toFixed(2);
  if (!dirt.bernoulli(dirtRate * 4)) return plain;
  // A few cells hold no number at all: those invoices can only be rejected.
  if (dirt.bernoulli(0.02)) return 'N/A';
  return value >= 1000 ? value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : `$${plain}`;
}

const key = (prefix: string, account: Account, n: number) => `${prefix}-${account.customerId.slice(1)}-${String(n).padStart(3, '0')}`;

/** The per-account tables of one chunk of accounts, filled account by account. */
export class AccountRecords {
  readonly tables: Record<Exclude<SmallRawTable, 'plans' | 'discounts'>, TableBuilder> = {
    subscription_events: new TableBuilder(SMALL_RAW_TABLES.subscription_events.columns),
    invoices: new TableBuilder(SMALL_RAW_TABLES.invoices.columns),
    reversals: new TableBuilder(SMALL_RAW_TABLES.reversals.columns),
    support_tickets: new TableBuilder(SMALL_RAW_TABLES.support_tickets.columns),
    nps_responses: new TableBuilder(SMALL_RAW_TABLES.nps_responses.columns),
    opportunities: new TableBuilder(SMALL_RAW_TABLES.opportunities.columns),
    risk_signals: new TableBuilder(SMALL_RAW_TABLES.risk_signals.columns),
  };

  constructor(
    private readonly dirtRate: number,
    private readonly lastObservedDay: number,
  ) {}

  add(account: Account, life: AccountLife, oneOffs: readonly Invoice[], support: AccountSupport, opps: readonly Opportunity[], dirt: Rng): void {
    const t = this.tables;
    const id = account.customerId;
    life.changes.forEach((c, n) => {
      t.subscription_events.push([key('SE', account, n), id, c.ms, CHANGE_TYPES.indexOf(c.type), c.planFrom, c.planTo, c.billing === 'annual' ? 1 : 0, c.seats, c.discount < 0 ? null : c.discount]);
    });
    const invoices = [...life.invoices, ...oneOffs].sort((a, b) => a.issuedDay - b.issuedDay);
    invoices.forEach((inv, n) => {
      const invoiceId = key('INV', account, n);
      const issued = inv.issuedDay * MS_PER_DAY + 6 * 3_600_000;
      t.invoices.push([
        invoiceId,
        id,
        issued,
        inv.periodStart,
        inv.periodEnd,
        inv.plan < 0 ? null : inv.plan,
        amountText(inv.gross, dirt, this.dirtRate),
        amountText(inv.discount, dirt, this.dirtRate),
        amountText(Math.round((inv.gross - inv.discount) * 100) / 100, dirt, this.dirtRate),
        inv.discountIndex < 0 ? null : inv.discountIndex,
        PAYMENT_STATUSES.indexOf(inv.status),
        TRANSACTION_TYPES.indexOf(inv.type),
      ]);
      if (inv.reversal && inv.reversal.day <= this.lastObservedDay) {
        t.reversals.push([key('REV', account, n), invoiceId, inv.reversal.day * MS_PER_DAY + 15 * 3_600_000, inv.reversal.amount, REASONS.indexOf(inv.reversal.reason)]);
      }
    });
    support.tickets.forEach((k, n) => {
      const messyPriority = MESSY_PRIORITY[k.priority]!;
      const priority = messyPriority >= 0 && dirt.bernoulli(this.dirtRate * 4) ? messyPriority : k.priority;
      t.support_tickets.push([key('TCK', account, n), id, k.ms, priority, k.topic, k.resolutionHours]);
    });
    support.nps.forEach((r, n) => t.nps_responses.push([key('NPS', account, n), id, r.ms, r.score]));
    opps.forEach((o, n) => t.opportunities.push([key('OPP', account, n), id, o.stage, o.createdDay, o.closeDay, Math.round(o.amount * 100) / 100, o.owner, o.type]));
    t.risk_signals.push([id, support.risk.complianceGap, support.risk.vendorFlags]);
  }
}
