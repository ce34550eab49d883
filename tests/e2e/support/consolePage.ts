import { expect, type Page } from '@playwright/test';

/** Page object of the SQL console and the saved-work bar (beside AppPage, which covers the shell). */
export class ConsolePage {
  constructor(readonly page: Page) {}

  /** Waits for the data and the checks: the console draws no chart by itself. */
  async waitForData(timeout = 90_000): Promise<void> {
    await expect(this.page.getByRole('region', { name: 'Progress' })).toHaveAttribute('data-status', 'ready', { timeout });
    await this.page.waitForFunction(() => window.growthbench?.snapshot().checking === false, undefined, { timeout });
  }

  get view() {
    return this.page.getByRole('region', { name: 'SQL console', exact: true });
  }

  /** The editor's editable content (CodeMirror). */
  get editor() {
    return this.page.getByTestId('sql-editor').locator('.cm-content');
  }

  get status() {
    return this.page.getByTestId('console-status');
  }

  get grid() {
    return this.page.getByTestId('result-grid');
  }

  /** Replaces the editor's text with `sql`. */
  async typeSql(sql: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    // insertText: no auto-closed brackets or completion popups in the way.
    await this.page.keyboard.insertText(sql);
  }

  /** Ctrl/Cmd+Enter in the editor, then waits until that run settles (done, error or cancelled). */
  async run(): Promise<void> {
    const run = await this.started(() => this.editor.press('ControlOrMeta+Enter'));
    await this.settled(run);
  }

  /** Does `action` and returns the number of the run it started. */
  async started(action: () => Promise<void>): Promise<number> {
    const before = Number((await this.status.getAttribute('data-run')) ?? 0);
    await action();
    await expect(this.status).toHaveAttribute('data-run', String(before + 1));
    return before + 1;
  }

  async settled(run: number, timeout = 60_000): Promise<void> {
    await expect(this.status).toHaveAttribute('data-run', String(run));
    await expect(this.status).toHaveAttribute('data-status', /done|error|cancelled/, { timeout });
  }

  /** The grid's rendered rows (only those in view), keyed by column name, "#" the row number. */
  gridRows(): Promise<Record<string, string>[]> {
    return this.grid.evaluate((el) =>
      [...el.querySelectorAll('[role="row"]:not(.grid-head)')].map((row) =>
        Object.fromEntries([
          ['#', row.querySelector('[role="rowheader"]')?.textContent ?? ''],
          ...[...row.querySelectorAll('[data-col]')].map((cell) => [cell.getAttribute('data-col')!, cell.textContent ?? '']),
        ]),
      ),
    );
  }

  get savedWork() {
    return this.page.getByTestId('saved-work');
  }
}
