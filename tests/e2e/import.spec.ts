import { expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage, cellValue } from './support/appPage';
import { csvFields } from '../helpers/csvFields';

/**
 * Bring your own data in the built app: the real UCI Online Retail file (../shared/realdata)
 * picked, mapped and cleaned through to the retention heatmap, whose numbers are checked
 * against cohorts computed here from the CSV in plain JavaScript; then every bad-file case
 * with its message, each leaving the data the views read as it was.
 */

const REAL = '/work/shared/realdata/online_retail.csv';

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthLabel = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** "On" monthly retention of the customers of the file, cancellations (InvoiceNo C...) and rows without a customer left out. */
function expectedCohorts() {
  const lines = readFileSync(REAL, 'utf8').split('\n');
  const header = csvFields(lines[0]!);
  const [invoice, date, customer] = ['InvoiceNo', 'InvoiceDate', 'CustomerID'].map((n) => header.indexOf(n));
  const months = new Map<string, Set<number>>();
  let noId = 0;
  let cancelled = 0;
  let lastDay = '';
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const f = csvFields(line);
    if (f[customer!]!.trim() === '') {
      noId++;
      continue;
    }
    if (f[invoice!]!.startsWith('C')) {
      cancelled++;
      continue;
    }
    const day = f[date!]!.slice(0, 10);
    if (day > lastDay) lastDay = day;
    const set = months.get(f[customer!]!) ?? new Set<number>();
    set.add(monthIndex(day));
    months.set(f[customer!]!, set);
  }
  const asOf = monthIndex(lastDay);
  const cohorts = new Map<number, { size: number; active: number[] }>();
  for (const set of months.values()) {
    const first = Math.min(...set);
    const entry = cohorts.get(first) ?? { size: 0, active: new Array<number>(asOf - first + 1).fill(0) };
    entry.size++;
    for (const m of set) entry.active[m - first]!++;
    cohorts.set(first, entry);
  }
  return { cohorts, noId, cancelled, rows: lines.length - 2 };
}

async function openImport(page: AppPage['page']): Promise<AppPage> {
  const app = new AppPage(page);
  await app.open('./?preset=tiny&view=import');
  await expect(app.progress).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  await expect(app.view('Bring your own data')).toBeVisible();
  // The import view reads no table, so it opens before the pipeline is over: wait for all of it.
  await page.waitForFunction(() => window.growthbench?.snapshot().checking === false, undefined, { timeout: 90_000 });
  return app;
}

const retentionCohortCount = (app: AppPage) => app.query('SELECT count(DISTINCT cohort_month) AS n FROM retention_cohorts').then((r) => Number(r[0]!.n));

test('import: the real Online Retail file, mapped and cleaned, through to the retention heatmap', async ({ page }) => {
  test.setTimeout(240_000);
  const expected = expectedCohorts();
  const app = await openImport(page);
  const generatedCohorts = await retentionCohortCount(app);

  await app.importFile.setInputFiles(REAL);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 120_000 });
  await expect(app.page.getByRole('heading', { name: /online_retail\.csv: 541,909 rows, 8 columns/ })).toBeVisible();
  // The load speed the page reports, kept with the test's results (README: import speed).
  test.info().annotations.push({ type: 'import speed (CSV, Chromium)', description: (await page.getByTestId('import-file-facts').textContent()) ?? '' });
  await expect(page.getByTestId('import-command-preview')).toContainText('--import online_retail.csv --role transactions');
  // The guesses: a transactions table, amount from quantity x unit price.
  await expect(page.getByLabel('Table kind')).toHaveValue('transactions');
  await expect(page.locator('#import-role-customer_id')).toHaveValue('CustomerID');
  await expect(page.locator('#import-role-occurred_at')).toHaveValue('InvoiceDate');
  await expect(page.locator('#import-role-order_id')).toHaveValue('InvoiceNo');
  await expect(page.locator('#import-role-quantity')).toHaveValue('Quantity');
  await expect(page.locator('#import-role-unit_price')).toHaveValue('UnitPrice');
  await page.getByRole('checkbox', { name: /Exclude cancellations/ }).check();
  await expect(page.getByLabel('Cancellation pattern')).toHaveValue('^C');

  await page.getByRole('button', { name: 'Analyse' }).click();
  const summary = app.importSummary;
  await expect(summary).toBeVisible({ timeout: 120_000 });
  const count = async (reason: string) => cellValue((await summary.locator(`tr[data-reason="${reason}"] td`).textContent()) ?? undefined);
  expect(await count('no_id')).toBe(expected.noId);
  expect(await count('order_pattern')).toBe(expected.cancelled);
  expect(await count('kept')).toBe(expected.rows - expected.noId - expected.cancelled);
  await expect(page.getByTestId('import-rules')).toContainText('order_id matches /^C/ (cancellations)');
  await expect(page.getByTestId('import-rules')).toContainText('Duplicate rows are kept.');
  await expect(page.getByTestId('import-command')).toHaveText(
    "npm run pipeline -- --import online_retail.csv --role transactions --map customer_id=CustomerID,occurred_at=InvoiceDate,order_id=InvoiceNo,quantity=Quantity,unit_price=UnitPrice --exclude-orders '^C' --format csv --out out",
  );
  await expect(page.getByTestId('import-revenue-table')).toBeVisible();

  await page.getByRole('button', { name: 'Open the retention heatmap' }).click();
  await expect(app.activeDataset).toContainText('online_retail.csv');
  await expect(app.heatmap).toBeVisible();
  const table = page.getByTestId('retention-table');
  const labels = [...expected.cohorts.keys()].sort((a, b) => a - b).map(monthLabel);
  await expect.poll(() => table.locator('tbody th').allTextContents(), { timeout: 60_000 }).toEqual(labels);
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ size: tr.querySelector('[data-col="size"]')!.textContent!, active: [...tr.querySelectorAll('td[data-state]')].filter((td) => td.getAttribute('data-state') !== 'censored').map((td) => Number(td.getAttribute('data-active'))) })),
  );
  [...expected.cohorts.keys()].sort((a, b) => a - b).forEach((cohort, i) => {
    const want = expected.cohorts.get(cohort)!;
    expect(cellValue(rows[i]!.size), monthLabel(cohort)).toBe(want.size);
    expect(rows[i]!.active, monthLabel(cohort)).toEqual(want.active);
  });

  // A view the import cannot feed says what it would need; the way back restores the generated data.
  await app.openView('Miles economy');
  await expect(page.getByTestId('view-needs-mapping')).toContainText('generated data');
  await app.activeDataset.getByRole('button', { name: 'Back to the generated data' }).click();
  await expect(app.activeDataset).toHaveCount(0);
  expect(await retentionCohortCount(app)).toBe(generatedCohorts);
});

/** A file to pick from memory. */
const file = (name: string, content: string | Buffer) => ({ name, mimeType: 'text/plain', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });

test('import: each bad file is refused with its message, and the data stays as it was', async ({ page }) => {
  const app = await openImport(page);
  const before = await retentionCohortCount(app);
  const input = app.importFile;
  const error = app.importError;
  const refused = async (content: Parameters<typeof input.setInputFiles>[0], kind: string, message: RegExp) => {
    await input.setInputFiles(content);
    await expect(error).toHaveAttribute('data-kind', kind);
    await expect(error).toHaveText(message);
  };
  await refused(file('empty.csv', ''), 'empty', /The file is empty/);
  await refused(file('header-only.csv', 'customer_id,date,amount\n'), 'empty', /has a header \(customer_id, date, amount\) but no rows/);
  await refused(file('spaces.csv', 'customer date amount\n1 2024-01-01 5\n'), 'delimiter', /Only one column found/);
  await refused(file('ragged.csv', 'customer_id;date;amount\n1;2024-01-01;5\n2;2024-01-02\n'), 'delimiter', /Row 3 has 2 fields but the header has 3/);
  await refused(file('binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41])), 'encoding', /not a text \(CSV\) file: byte 5 is a NUL/);
  await refused(file('blank-header.csv', ',date,amount\n1,2024-01-01,5\n'), 'header', /Column 1 has no name/);
  await refused(file('twice.csv', 'id,date,id\n1,2024-01-01,5\n'), 'header', /names "id" twice \(columns 1 and 3\)/);
  await refused(file('no-header.csv', '1,2024-01-01,5\n2,2024-01-02,6\n'), 'header', /first row looks like data/);
  await refused(file('data.json', '{}'), 'format', /reads CSV .* Parquet .* and Excel/);

  // Too large for the browser: said before a byte is read (a sparse file takes no disk).
  const dir = mkdtempSync(join(tmpdir(), 'growthbench-import-'));
  try {
    const big = join(dir, 'huge.csv');
    writeFileSync(big, 'customer_id,date\n');
    truncateSync(big, 1100 * 1024 * 1024);
    await refused(big, 'too-large', /huge\.csv is 1,100 MB: the browser imports CSV files up to 1,024 MB .* Nothing was loaded/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Latin-1 is read as such, with a note; then values that do not parse are listed by row.
  const latin1 = Buffer.from('customer_id,date,amount,city\n1,2024-01-05,5,Besançon\n2,2024-13-45,6,Orléans\n3,2024-02-01,7,Nîmes\n4,someday,8,Sète\n', 'latin1');
  await input.setInputFiles(file('latin1.csv', latin1));
  await expect(page.getByTestId('import-note')).toContainText('not valid UTF-8 (byte 50, row 2, is 0xE7): it is read as Latin-1');
  await expect(page.getByTestId('import-preview')).toContainText('Besançon');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(error).toHaveAttribute('data-kind', 'unparseable');
  await expect(error).toHaveText(/2 values of "date" \(occurred_at\) could not be read as dates .*row 3: "2024-13-45"; row 5: "someday"/);

  // A column mapped to the wrong type.
  await page.locator('#import-role-occurred_at').selectOption('city');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(error).toHaveAttribute('data-kind', 'wrong-type');
  await expect(error).toHaveText(/"city" is mapped to occurred_at, but it does not hold dates.*4 of 4 values are not/);

  // Nothing above touched the data the views read.
  await expect(app.activeDataset).toHaveCount(0);
  expect(await retentionCohortCount(app)).toBe(before);
});

test('import: a failed import keeps the earlier import active, unchanged', async ({ page }) => {
  const app = await openImport(page);
  const input = app.importFile;
  await input.setInputFiles(file('orders.csv', 'customer_id,date,amount\na,2024-01-05,10\nb,2024-01-20,5\na,2024-02-03,7\nc,2024-03-01,4\nb,2024-03-09,1\n'));
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(app.activeDataset).toContainText('orders.csv');
  const imported = await app.query('SELECT strftime(cohort_month, \'%Y-%m\') AS cohort, period_number AS k, users_active AS n FROM retention_cohorts ORDER BY 1, 2');
  // By hand: January cohort {a, b}: a in February, b in March; March cohort {c}.
  expect(imported).toEqual([
    { cohort: '2024-01', k: 0, n: 2 },
    { cohort: '2024-01', k: 1, n: 1 },
    { cohort: '2024-01', k: 2, n: 1 },
    { cohort: '2024-03', k: 0, n: 1 },
  ]);
  await input.setInputFiles(file('broken.csv', 'customer_id,date,amount\na,2024-01-05,ten\nb,2024-01-20,5\n'));
  // Half its values are not numbers, so amount is not guessed: the analyst maps it.
  await expect(page.locator('#import-role-amount')).toHaveValue('');
  await page.locator('#import-role-amount').selectOption('amount');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(app.importError).toHaveText(/1 value of "amount" \(amount\) could not be read as numbers: row 2: "ten"/);
  await expect(app.activeDataset).toContainText('orders.csv');
  expect(await app.query('SELECT strftime(cohort_month, \'%Y-%m\') AS cohort, period_number AS k, users_active AS n FROM retention_cohorts ORDER BY 1, 2')).toEqual(imported);
});

test('import: a Parquet file (CDNOW written by native DuckDB) through parquet-wasm to the cohorts', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'growthbench-import-pq-'));
  try {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const parquet = join(dir, 'cdnow.parquet');
    const native = await (await DuckDBInstance.create(':memory:')).connect();
    await native.run(`COPY (SELECT * FROM read_csv('/work/shared/realdata/cdnow_transactions.csv')) TO '${parquet}' (FORMAT parquet)`);
    // Cohort sizes from the CSV text: each customer's first month.
    const first = new Map<string, string>();
    for (const line of readFileSync('/work/shared/realdata/cdnow_transactions.csv', 'utf8').trim().split('\n').slice(1)) {
      const [customer, date] = line.split(',');
      const m = date!.slice(0, 7);
      if (!first.has(customer!) || first.get(customer!)! > m) first.set(customer!, m);
    }
    const sizes = new Map<string, number>();
    for (const m of first.values()) sizes.set(m, (sizes.get(m) ?? 0) + 1);

    const app = await openImport(page);
    await app.importFile.setInputFiles(parquet);
    await expect(app.page.getByRole('heading', { name: /cdnow\.parquet: 69,659 rows, 4 columns/ })).toBeVisible({ timeout: 120_000 });
    test.info().annotations.push({ type: 'import speed (Parquet, Chromium)', description: (await page.getByTestId('import-file-facts').textContent()) ?? '' });
    await expect(page.locator('#import-role-amount')).toHaveValue('dollar_value');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await expect(app.importSummary).toBeVisible({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Open the retention heatmap' }).click();
    const table = page.getByTestId('retention-table');
    await expect.poll(() => table.locator('tbody th').allTextContents(), { timeout: 60_000 }).toEqual([...sizes.keys()].sort());
    const shown = await table.locator('tbody [data-col="size"]').allTextContents();
    expect(shown.map((s) => cellValue(s))).toEqual([...sizes.keys()].sort().map((m) => sizes.get(m)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('import: the telco customer table gives survival by contract; the cohort sections say what they need', async ({ page }) => {
  const TELCO = '/work/shared/realdata/telco_customer_churn.csv';
  const lines = readFileSync(TELCO, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const [contract, churn] = ['Contract', 'Churn'].map((n) => header.indexOf(n));
  const expected = new Map<string, { customers: number; churned: number }>();
  for (const line of lines.slice(1)) {
    const f = line.split(','); // the telco file quotes nothing
    const entry = expected.get(f[contract!]!) ?? { customers: 0, churned: 0 };
    entry.customers++;
    if (f[churn!]!.trim() === 'Yes') entry.churned++;
    expected.set(f[contract!]!, entry);
  }

  const app = await openImport(page);
  await app.importFile.setInputFiles(TELCO);
  await expect(page.getByLabel('Table kind')).toHaveValue('customers', { timeout: 60_000 });
  await expect(page.locator('#import-role-duration')).toHaveValue('tenure');
  await expect(page.locator('#import-role-churned')).toHaveValue('Churn');
  await expect(page.locator('#import-role-segment')).toHaveValue('Contract');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(page.getByTestId('import-analyses').locator('[data-available="false"]').first()).toContainText('needs a transactions table');
  await page.getByRole('button', { name: 'Open survival by segment' }).click();
  await expect(app.activeDataset).toContainText("Durations are in the file's own unit");
  const rows = await app.tableRows('retention-survival-table');
  expect(rows.map((r) => r.tier)).toEqual([...expected.keys()].sort());
  for (const r of rows) {
    expect(cellValue(r.accounts), r.tier).toBe(expected.get(r.tier!)!.customers);
    expect(cellValue(r.churned), r.tier).toBe(expected.get(r.tier!)!.churned);
  }
  // The cohort heatmap reads retention_cohorts, which a customer table cannot give.
  await expect(app.view('Retention: monthly user cohorts').or(page.getByTestId('retention-view'))).toContainText('retention_cohorts is not part of the imported data');
});

test('import: an Excel workbook (first sheet) through exceljs to the cohorts', async ({ page }) => {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('orders');
  sheet.addRow(['Customer', 'Order date', 'Amount']);
  // By hand: January cohort {a, b}, a back in March; February cohort {c}.
  for (const [customer, date, amount] of [['a', '2024-01-05', 10], ['b', '2024-01-20', 5], ['c', '2024-02-03', 7], ['a', '2024-03-01', 4]] as const) {
    sheet.addRow([customer, new Date(`${date}T00:00:00Z`), amount]);
  }
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  const app = await openImport(page);
  await app.importFile.setInputFiles({ name: 'orders.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await expect(page.getByTestId('import-preview')).toContainText('2024-01-20');
  await expect(page.locator('#import-role-occurred_at')).toHaveValue('Order date');
  await expect(page.locator('#import-role-amount')).toHaveValue('Amount');
  await page.getByRole('button', { name: 'Analyse' }).click();
  await expect(app.importSummary.locator('tr[data-reason="kept"] td')).toHaveText('4');
  expect(await app.query("SELECT strftime(cohort_month, '%Y-%m') AS cohort, period_number AS k, users_active AS n FROM retention_cohorts WHERE users_active > 0 ORDER BY 1, 2")).toEqual([
    { cohort: '2024-01', k: 0, n: 2 },
    { cohort: '2024-01', k: 2, n: 1 },
    { cohort: '2024-02', k: 0, n: 1 },
  ]);
});
