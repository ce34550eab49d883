import { expect, type Page, type Worker } from '@playwright/test';
import type { RunSnapshot } from '../../../src/app/benchmarkProbe';

/** Page object: the locators and waits the end-to-end tests share. */
export class AppPage {
  readonly requests: string[] = [];
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(error.message));
  }

  get progress() {
    return this.page.getByRole('region', { name: 'Progress' });
  }

  get heatmap() {
    return this.page.getByTestId('retention-heatmap');
  }

  get retentionTable() {
    return this.page.getByTestId('retention-table');
  }

  stage(id: string) {
    return this.page.locator(`tr[data-stage="${id}"]`);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /**
   * Waits for the data, the open view's first chart (`chart`, or any chart: the view a link
   * opens differs between tests) and the checks behind it.
   */
  async waitUntilReady(timeout = 90_000, chart?: string): Promise<void> {
    await expect(this.progress).toHaveAttribute('data-status', 'ready', { timeout });
    await this.page.waitForFunction(
      (id) => {
        const drawn = window.growthbench?.snapshot().chartsDrawn ?? {};
        return id ? drawn[id] !== undefined : Object.keys(drawn).length > 0;
      },
      chart ?? null,
      { timeout },
    );
    // The checks finish behind the open views.
    await this.page.waitForFunction(() => window.growthbench?.snapshot().checking === false, undefined, { timeout });
  }

  /** Opens a view by clicking its button in the view navigation (the nav renders from VIEWS). */
  async openView(label: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: label, exact: true }).click();
  }

  /** The open view's section (named by its h2). */
  view(title: string) {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /**
   * The rows of a view's accessible data table (a DataTable from src/views/common), keyed by
   * each cell's data-col, as displayed text. The table may sit in a closed <details>.
   */
  async tableRows(testId: string): Promise<Record<string, string>[]> {
    const table = this.page.getByTestId(testId);
    await expect(table).toBeAttached();
    return table.evaluate((el) =>
      [...el.querySelectorAll('tbody tr')].map((tr) => Object.fromEntries([...tr.querySelectorAll('[data-col]')].map((cell) => [cell.getAttribute('data-col')!, cell.textContent ?? '']))),
    );
  }

  /** Rows of a read-only SQL query on the loaded data (window.growthbench.query), for independent recomputations. */
  query(sql: string): Promise<Record<string, unknown>[]> {
    return this.page.evaluate((text) => window.growthbench!.query(text), sql);
  }

  /** Opens the <details> holding a data table (collapsed by default), so its buttons can be clicked. */
  async openDataTable(testId: string): Promise<void> {
    const details = this.page.locator('details', { has: this.page.getByTestId(testId) }).last();
    if ((await details.getAttribute('open')) === null) await details.locator('summary').first().click();
    await expect(this.page.getByTestId(testId)).toBeVisible();
  }

  async chooseGrain(grain: 'Day' | 'Week' | 'Month'): Promise<void> {
    await this.page.getByTestId('grain').getByRole('radio', { name: grain }).check();
  }

  /** Ticks one value of a list filter of the filter bar (Plan, Region, Channel, Platform, Industry). */
  async chooseFilterValue(filter: string, value: string): Promise<void> {
    const select = this.page.locator(`details[data-filter="${filter.toLowerCase()}"]`);
    await select.locator('summary').click();
    await select.getByRole('checkbox', { name: new RegExp(`^${value}\\b`) }).check();
    await select.locator('summary').click();
  }

  async setDateRange(from: string, to: string): Promise<void> {
    await this.page.getByTestId('filter-from').fill(from);
    await this.page.getByTestId('filter-to').fill(to);
  }

  /**
   * Runs `action` (a filter or grain change) and waits until each of `charts` has been drawn
   * again after it and no view is busy loading: the charts then show the new figures.
   */
  async redrawn(charts: readonly string[], action: () => Promise<void>): Promise<void> {
    const before = await this.page.evaluate(() => performance.now());
    await action();
    await this.page.waitForFunction(
      ({ ids, t0 }) => {
        const redrawn = window.growthbench?.snapshot().chartsRedrawn ?? {};
        return ids.every((id) => (redrawn[id] ?? 0) > t0) && document.querySelector('section.view[aria-busy="true"]') === null;
      },
      { ids: [...charts], t0: before },
      { timeout: 60_000 },
    );
  }

  /** The value (raw, a fraction for ratios) of an Overview KPI, from the KPI data table. */
  async kpi(label: string): Promise<{ month: string; value: number | null; previous: number | null }> {
    const row = (await this.tableRows('overview-kpi-table')).find((r) => r.kpi === label);
    if (!row) throw new Error(`No KPI "${label}"`);
    const parse = (t: string | undefined) => (t === 'n/a' ? null : Number(t));
    return { month: row.period!, value: parse(row.value), previous: parse(row.previous) };
  }

  /** A screenshot of an open view alone (the sticky filter bar would otherwise cover its top). */
  async screenshotView(title: string, path: string): Promise<void> {
    await this.view(title).screenshot({ path, style: '.filter-bar { position: static !important; }' });
  }

  /** Import view: the file input (setInputFiles), its refusal message and the summary of an analysed import. */
  get importFile() {
    return this.page.getByTestId('import-file');
  }

  get importError() {
    return this.page.getByTestId('import-error');
  }

  get importSummary() {
    return this.page.getByTestId('import-summary');
  }

  /** The banner naming the imported file while it is the data the views read. */
  get activeDataset() {
    return this.page.getByTestId('active-dataset');
  }

  /** The dataset line of the top bar ("Seed 42 · demo · … · DuckDB v1.4.3 (eh)"). */
  get dataset() {
    return this.page.getByTestId('dataset');
  }

  /**
   * Opens Generator settings, fills the given fields (by label: Seed, Accounts, Dirt rate…)
   * and submits; resolves once the new run has begun.
   */
  async generate(fields: Record<string, string>): Promise<void> {
    const before = (await this.snapshot()).runId;
    const form = await this.openSettings();
    // A field's accessible name is its label followed by its hint.
    for (const [label, value] of Object.entries(fields)) await form.getByRole('textbox', { name: new RegExp(`^${label} `) }).fill(value);
    await form.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(async () => (await this.snapshot()).runId).toBeGreaterThan(before);
  }

  /** Opens the Generator settings (if closed) and returns its form. */
  async openSettings() {
    const settings = this.page.locator('details.settings');
    if ((await settings.getAttribute('open')) === null) await settings.locator('summary').click();
    return this.page.getByRole('form', { name: 'Generator settings' });
  }

  /** The settings' DuckDB build choice (src/components/BundleField.tsx). */
  async bundleSelect() {
    return (await this.openSettings()).getByRole('combobox', { name: /^DuckDB build/ });
  }

  /** Crashes the live 'generator' or 'database' worker through the test hook (src/engine/workerFaults.ts). */
  async killWorker(kind: 'generator' | 'database'): Promise<void> {
    const killed = await this.page.evaluate((k) => window.growthbench!.killWorker(k), kind);
    expect(killed, `a live ${kind} worker to kill`).toBe(true);
  }

  /**
   * Makes a live worker of the page hang for real: an endless loop in its own thread, so it
   * answers nothing (as a worker stuck in a runaway computation does). The loop runs as one of
   * the worker's own tasks, not inside this evaluation, so terminating the worker ends it as
   * it would end any worker's code.
   */
  async hangWorker(worker: Worker): Promise<void> {
    await worker.evaluate(() => {
      setTimeout(() => {
        for (;;) {
          // Spin: the worker's event loop never runs again.
        }
      }, 0);
    });
  }

  /** Sets the worker watches' silence limit (test hook, src/engine/workerFaults.ts). */
  async setStallLimit(ms: number | null): Promise<void> {
    await this.page.evaluate((limit) => window.growthbench!.setStallLimit(limit), ms);
  }

  /** Waits until a stage whose id starts with `prefix` (e.g. "model:") is running. */
  async waitForRunningStage(prefix: string, timeout = 60_000): Promise<void> {
    await this.page.waitForFunction((p) => window.growthbench?.snapshot().stages.some((s) => s.id.startsWith(p) && s.status === 'running') ?? false, prefix, { timeout, polling: 50 });
  }

  /**
   * The page's live workers by kind. `generator` counts the generator workers at work or
   * leaked: the idle ones the page's pool keeps warm between runs on purpose
   * (window.growthbench.generatorPool) are left out, so it is 0 whenever no run generates.
   */
  async workerCounts(): Promise<{ duckdb: number; generator: number }> {
    const { idle } = await this.page.evaluate(() => window.growthbench!.generatorPool());
    const urls = this.page.workers().map((w) => w.url());
    return { duckdb: urls.filter((u) => u.includes('duckdb')).length, generator: urls.filter((u) => u.includes('generator')).length - idle };
  }

  /** The page's generator workers (Playwright handles), idle in the pool or at work. */
  generatorWorkers(): Worker[] {
    return this.page.workers().filter((w) => w.url().includes('generator'));
  }

  snapshot(): Promise<RunSnapshot> {
    return this.page.evaluate(() => window.growthbench!.snapshot());
  }

  /** Requests that went anywhere but this machine. */
  externalRequests(): string[] {
    return this.requests.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false;
      const host = new URL(url).hostname;
      return host !== 'localhost' && host !== '127.0.0.1';
    });
  }
}

/** A number as a data table shows it ("1,234", "-12", "45.6 %", "1.25"); "n/a" is null. */
export function cellNumber(text: string | undefined): number | null {
  if (text === undefined) throw new Error('No such cell');
  const clean = text.replace(/\(partial\)|\(open\)/g, '').replace(/[,%×\s]/g, '');
  if (clean === 'n/a') return null;
  const value = Number(clean);
  if (Number.isNaN(value)) throw new Error(`Not a number: "${text}"`);
  return value;
}

/** The number in a cell that must hold one. */
export function cellValue(text: string | undefined): number {
  const value = cellNumber(text);
  if (value === null) throw new Error('The cell is n/a');
  return value;
}
