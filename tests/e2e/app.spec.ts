import { expect, test } from '@playwright/test';
import { AppPage } from './support/appPage';

test('shows progress, then a retention heatmap with observed and censored cells, offline', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('./?view=retention');
  await expect(app.progress).toBeVisible();
  await app.waitUntilReady(undefined, 'retention-heatmap');

  for (const id of ['engine', 'generate', 'load', 'model:stg_events', 'model:retention_cohorts', 'checks']) {
    await expect(app.stage(id)).toHaveAttribute('data-status', 'done');
  }
  await expect(app.stage('generate')).toContainText(/events [\d,]+/);

  const observed = app.retentionTable.locator('td[data-state="observed"]');
  const censored = app.retentionTable.locator('td[data-state="censored"]');
  expect(await observed.count()).toBeGreaterThan(200);
  expect(await censored.count()).toBeGreaterThan(200);
  // Period 0 of every cohort is 100 %.
  const firstCells = await app.retentionTable.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(firstCells.every((t) => t === '100.0 %')).toBe(true);

  // The canvas really has colour in it, not only a frame.
  const coloured = await app.heatmap.evaluate((chart) => {
    let n = 0;
    for (const canvas of chart.querySelectorAll('canvas')) {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && data[i + 2]! > data[i]! + 40) n++;
    }
    return n;
  });
  expect(coloured).toBeGreaterThan(5000);

  const run = await app.snapshot();
  const elapsed = Object.fromEntries(run.stages.map((s) => [s.id, Math.round(s.endedAt! - s.startedAt!)]));
  console.log('stage times (ms):', JSON.stringify(elapsed), 'heatmap drawn at', Math.round(run.chartsDrawn['retention-heatmap']!), 'ms');
  expect(run.stages.every((s) => s.status === 'done')).toBe(true);
  expect(run.checks.filter((c) => c.status === 'fail')).toEqual([]);
  // ENUM columns (the staged events' event_type and platform) read as their labels, not NULL.
  const enumRows = await app.query(`SELECT event_type, platform, count(*) AS n FROM stg_events GROUP BY ALL ORDER BY n DESC LIMIT 3`);
  expect(enumRows).toHaveLength(3);
  for (const row of enumRows) {
    expect(typeof row.event_type).toBe('string');
    expect(['iOS', 'Android', 'Web']).toContain(row.platform);
  }
  await page.screenshot({ path: 'tests/e2e/screenshots/retention.png', fullPage: true });
  expect(app.consoleErrors).toEqual([]);
  expect(app.externalRequests()).toEqual([]);
});
