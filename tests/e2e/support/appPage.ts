import { expect, type Page } from '@playwright/test';
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
