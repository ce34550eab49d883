import { describe, expect, it } from 'vitest';
import { type ColumnSample, guessDateFormat, guessKind, guessMapping } from '../../../src/import/guess';

const column = (name: string, ...values: string[]): ColumnSample => ({ name, values });

const retail = [
  column('InvoiceNo', '536365', 'C536379'),
  column('StockCode', '85123A', '71053'),
  column('Description', 'WHITE HANGING HEART T-LIGHT HOLDER', 'WHITE METAL LANTERN'),
  column('Quantity', '6', '-1'),
  column('InvoiceDate', '2010-12-01 08:26:00', '2010-12-01 09:41:00'),
  column('UnitPrice', '2.55', '27.50'),
  column('CustomerID', '17850.0', ''),
  column('Country', 'United Kingdom', 'France'),
];
const cdnow = [column('customer_id', '1', '2'), column('date', '1997-01-01', '1997-01-12'), column('number_of_cds', '1', '5'), column('dollar_value', '11.77', '77.00')];
const telco = [
  column('customerID', '7590-VHVEG', '5575-GNVDE'),
  column('gender', 'Female', 'Male'),
  column('tenure', '1', '34'),
  column('Contract', 'Month-to-month', 'One year'),
  column('MonthlyCharges', '29.85', '56.95'),
  column('TotalCharges', '29.85', ' '),
  column('Churn', 'No', 'Yes'),
];

describe('guessKind and guessMapping on the real files\' columns', () => {
  it('online retail: transactions with amount from quantity x unit price', () => {
    expect(guessKind(retail)).toBe('transactions');
    expect(guessMapping('transactions', retail)).toEqual({ customer_id: 'CustomerID', occurred_at: 'InvoiceDate', order_id: 'InvoiceNo', quantity: 'Quantity', unit_price: 'UnitPrice' });
  });
  it('CDNOW: transactions with an amount', () => {
    expect(guessKind(cdnow)).toBe('transactions');
    expect(guessMapping('transactions', cdnow)).toEqual({ customer_id: 'customer_id', occurred_at: 'date', quantity: 'number_of_cds', amount: 'dollar_value' });
  });
  it('telco: customers with tenure, churn flag and contract', () => {
    expect(guessKind(telco)).toBe('customers');
    expect(guessMapping('customers', telco)).toEqual({ customer_id: 'customerID', duration: 'tenure', churned: 'Churn', segment: 'Contract' });
  });
  it('an invoice table with a plan is a subscriptions table', () => {
    const invoices = [column('account', 'a1', 'a2'), column('invoice_date', '2024-01-01', '2024-02-01'), column('amount', '10', '20'), column('plan', 'pro', 'starter')];
    expect(guessKind(invoices)).toBe('subscriptions');
    expect(guessMapping('subscriptions', invoices)).toEqual({ account_id: 'account', date: 'invoice_date', amount: 'amount', plan: 'plan' });
  });
  it('drops a lone quantity or unit price (no amount can be computed)', () => {
    expect(guessMapping('transactions', [column('user_id', '1'), column('ts', '2024-01-01'), column('qty', '2')])).toEqual({ customer_id: 'user_id', occurred_at: 'ts' });
  });
});

describe('guessDateFormat', () => {
  it('tells ISO, month-first and day-first apart', () => {
    expect(guessDateFormat(['2010-12-01 08:26:00', '2011-01-04'])).toBe('iso');
    expect(guessDateFormat(['12/1/2010 8:26', '12/13/2010 10:05'])).toBe('%m/%d/%Y %H:%M');
    expect(guessDateFormat(['13/1/2010 8:26', '1/12/2010 10:05'])).toBe('%d/%m/%Y %H:%M');
    expect(guessDateFormat(['01.02.2024', '31.12.2024'])).toBe('%d.%m.%Y');
    expect(guessDateFormat(['20240105', '20241231'])).toBe('%Y%m%d');
  });
  it('goes with most values and leaves the rest to the import check', () => {
    expect(guessDateFormat(['2024-01-05', 'someday', '2024-02-01'])).toBe('iso');
    expect(guessDateFormat(['hello', null, ''])).toBeNull();
  });
});
