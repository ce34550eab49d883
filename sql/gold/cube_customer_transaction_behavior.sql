-- Seed 004's OLAP cube of transaction behaviour, for drill-down and drill-across: every
-- invoice (subscription, add-on or gift, up to the as-of date) aggregated by how its account
-- was acquired (acquisition_type and acquisition_quarter, from dim_customer_acquisition), by
-- what was bought (transaction_group subscription or one_off, then transaction_type), and by
-- when it was issued (period_quarter, then period_month), at every combination of levels:
-- GROUP BY CUBE(acquisition_type, acquisition_quarter), ROLLUP(transaction_group,
-- transaction_type), ROLLUP(period_quarter, period_month), 36 grouping sets. A rolled-up
-- column is NULL and its is_all_* flag TRUE; pick a level by the flags (or by grain).
-- Reversals count against the invoice they reverse, in its period. Example: accounts
-- acquired through a subscription in 2024-Q4 still buying add-ons or gifts a year later are
-- the row acquisition_type = 'subscription', acquisition_quarter = '2024-Q4',
-- transaction_group = 'one_off', is_all_transaction_types, period_quarter = '2025-Q4',
-- is_all_months (its customers; quarters_since_acquisition = 4).
-- Filterable by account and by month at query time: a date range keeps the invoices issued in
-- the months inside it, so the rolled-up rows total those months only.
-- @col acquisition_type: subscription, add_on or gift (NULL = all).
-- @col acquisition_quarter: Quarter of the account's first transaction, like 2024-Q1 (NULL = all).
-- @col transaction_group: subscription or one_off (add-ons and gifts) (NULL = all).
-- @col transaction_type: subscription, add_on or gift (NULL = all of the group).
-- @col period_quarter: Quarter the invoice was issued in, like 2025-Q4 (NULL = all periods).
-- @col period_month: Month the invoice was issued in (NULL = the whole quarter or all periods).
-- @col is_all_acquisition_types: TRUE when acquisition_type is rolled up.
-- @col is_all_acquisition_quarters: TRUE when acquisition_quarter is rolled up.
-- @col is_all_transaction_groups: TRUE when transaction_group (and so transaction_type) is rolled up.
-- @col is_all_transaction_types: TRUE when transaction_type is rolled up.
-- @col is_all_periods: TRUE when period_quarter (and so period_month) is rolled up.
-- @col is_all_months: TRUE when period_month is rolled up.
-- @col grain: The level in words: the columns kept, like acquisition_type x transaction_type x month ('total' when every column is rolled up).
-- @col quarters_since_acquisition: Quarters from acquisition_quarter to period_quarter when both are kept (4 = a year later), else NULL.
-- @col is_partial_period: TRUE when the period (month, quarter, or for all periods the as-of month) is not over at the as-of date.
-- @col customers: Distinct accounts with a transaction in the cell.
-- @col transactions: Invoices in the cell.
-- @col gross: Gross list value, USD.
-- @col discounts: Discounts, USD.
-- @col reversals: Refunds, chargebacks and unsatisfied returns of these invoices, USD.
-- @col net: gross - discounts - reversals, USD.
-- @test unique: acquisition_type, acquisition_quarter, transaction_group, transaction_type, period_quarter, period_month, is_all_acquisition_types, is_all_acquisition_quarters, is_all_transaction_groups, is_all_transaction_types, is_all_periods, is_all_months
-- @test expression(net_is_gross_minus_discounts_and_reversals): net = gross - discounts - reversals
-- @test expression(customers_at_most_transactions): customers BETWEEN 1 AND transactions
WITH params AS (SELECT as_of_date FROM run_params),
tx AS (
  SELECT
    i.customer_id,
    a.acquisition_type,
    a.acquisition_quarter,
    CAST(date_trunc('quarter', a.acquisition_month) AS DATE) AS acquisition_quarter_start,
    CASE WHEN i.transaction_type = 'subscription' THEN 'subscription' ELSE 'one_off' END AS transaction_group,
    i.transaction_type,
    CAST(year(i.issued_month) AS VARCHAR) || '-Q' || CAST(quarter(i.issued_month) AS VARCHAR) AS period_quarter,
    CAST(date_trunc('quarter', i.issued_month) AS DATE) AS period_quarter_start,
    i.issued_month AS period_month,
    i.gross_amount,
    i.discount_amount,
    i.reversal_amount,
    i.net_after_reversals
  FROM fct_invoices AS i
  JOIN dim_customer_acquisition AS a ON a.customer_id = i.customer_id
  WHERE TRUE /*accounts:i.customer_id*/ AND TRUE /*period:i.issued_month*/
),
cells AS (
  SELECT
    acquisition_type, acquisition_quarter, transaction_group, transaction_type, period_quarter, period_month,
    grouping(acquisition_type) = 1 AS is_all_acquisition_types,
    grouping(acquisition_quarter) = 1 AS is_all_acquisition_quarters,
    grouping(transaction_group) = 1 AS is_all_transaction_groups,
    grouping(transaction_type) = 1 AS is_all_transaction_types,
    grouping(period_quarter) = 1 AS is_all_periods,
    grouping(period_month) = 1 AS is_all_months,
    min(acquisition_quarter_start) AS acquisition_quarter_start,
    min(period_quarter_start) AS period_quarter_start,
    count(DISTINCT customer_id) AS customers,
    count(*) AS transactions,
    sum(gross_amount) AS gross,
    sum(discount_amount) AS discounts,
    sum(reversal_amount) AS reversals,
    sum(net_after_reversals) AS net
  FROM tx
  GROUP BY CUBE (acquisition_type, acquisition_quarter), ROLLUP (transaction_group, transaction_type), ROLLUP (period_quarter, period_month)
  -- Without any invoice, the grand-total grouping set would still give one empty row.
  HAVING count(*) > 0
)
SELECT
  c.acquisition_type, c.acquisition_quarter, c.transaction_group, c.transaction_type, c.period_quarter, c.period_month,
  c.is_all_acquisition_types, c.is_all_acquisition_quarters, c.is_all_transaction_groups, c.is_all_transaction_types,
  c.is_all_periods, c.is_all_months,
  coalesce(nullif(concat_ws(' x ',
    CASE WHEN NOT c.is_all_acquisition_types THEN 'acquisition_type' END,
    CASE WHEN NOT c.is_all_acquisition_quarters THEN 'acquisition_quarter' END,
    CASE WHEN NOT c.is_all_transaction_types THEN 'transaction_type' WHEN NOT c.is_all_transaction_groups THEN 'transaction_group' END,
    CASE WHEN NOT c.is_all_months THEN 'month' WHEN NOT c.is_all_periods THEN 'quarter' END), ''), 'total') AS grain,
  CASE WHEN NOT c.is_all_acquisition_quarters AND NOT c.is_all_periods
    THEN CAST(datediff('quarter', c.acquisition_quarter_start, c.period_quarter_start) AS INTEGER) END AS quarters_since_acquisition,
  CASE
    WHEN NOT c.is_all_months THEN last_day(c.period_month) > p.as_of_date
    WHEN NOT c.is_all_periods THEN CAST(c.period_quarter_start + INTERVAL 3 MONTH AS DATE) - 1 > p.as_of_date
    ELSE last_day(p.as_of_date) > p.as_of_date
  END AS is_partial_period,
  c.customers, c.transactions,
  CAST(c.gross AS DECIMAL(14, 2)) AS gross,
  CAST(c.discounts AS DECIMAL(14, 2)) AS discounts,
  CAST(c.reversals AS DECIMAL(14, 2)) AS reversals,
  CAST(c.net AS DECIMAL(14, 2)) AS net
FROM cells AS c
CROSS JOIN params AS p
