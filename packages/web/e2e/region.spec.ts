import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  revealDeferred,
  waitForData,
} from './helpers';

test.describe('region cockpit /regio/{code}', () => {
  test('clicking a region on the map opens its cockpit', async ({ page }) => {
    await page.goto('/');
    await page
      .getByTestId('region-map')
      .getByRole('link', { name: /^Utrecht: / })
      .click();
    await expect(page).toHaveURL(/\/regio\/ZK23$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Utrecht');
    await expect(page.getByTestId('synthetic-notice')).toBeVisible();
    const table = page.getByTestId('hospice-table');
    await expect(table.locator('tbody tr').first()).toBeVisible();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(3);
    await expect(page.getByTestId('hospice-map')).toBeVisible();
    await revealDeferred(page);
    await expect(page.getByTestId('forecast-chart')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('capacity-comparison')).toBeVisible({ timeout: 30_000 });
    await waitForData(page);
    await expectNoSeriousA11yViolations(page);
  });

  test('the pooling choice changes the Erlang beds and keeps the norm beds', async ({ page }) => {
    await page.goto('/regio/ZK23');
    await page
      .getByRole('heading', { name: 'Erlang B of bezettingsnorm?' })
      .scrollIntoViewIfNeeded();
    const comparison = page.getByTestId('capacity-comparison');
    await expect(comparison).toBeVisible({ timeout: 30_000 });
    const erlang = comparison.locator('.bars li').first().locator('.bars__value');
    const norm = comparison.locator('.bars li').nth(1).locator('.bars__value');
    const separate = Number((await erlang.textContent())!.replace(/\./g, ''));
    const normBefore = await norm.textContent();
    await page.getByRole('radio', { name: 'Eén regionale intake' }).check();
    await expect(page).toHaveURL(/pooling=region/);
    await expect(comparison.locator('.bars li').first()).toContainText('Eén regionale intake');
    const pooled = Number((await erlang.textContent())!.replace(/\./g, ''));
    expect(pooled).toBeLessThan(separate);
    await expect(norm).toHaveText(normBefore!);
  });

  test('shows each hospice’s occupancy and status from one regional request', async ({ page }) => {
    const perHospice: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/v1\/hospices\/[^/?]+\/(bed-status|statistics)/.test(request.url())) {
        perHospice.push(request.url());
      }
    });
    const regional = page.waitForResponse((r) => r.url().endsWith('/api/v1/regions/ZK23/cockpit'));
    await page.goto('/regio/ZK23');
    expect((await regional).status()).toBe(200);
    const table = page.getByTestId('hospice-table');
    // The demo hospices report movements, so the latest month's occupancy is a percentage.
    await expect(table.locator('tbody tr').first()).toContainText('%');
    await waitForData(page);
    expect(perHospice).toEqual([]);
  });

  test('the monthly figures download as CSV, the region and each of its hospices', async ({
    page,
  }) => {
    await page.goto('/regio/ZK23');
    await revealDeferred(page);
    const link = page.getByTestId('statistics-csv');
    await expect(link).toBeVisible({ timeout: 30_000 });
    const download = page.waitForEvent('download');
    await link.click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^scope_kind,scope_code,scope_name,period,/);
    expect(lines.filter((l) => l.startsWith('zorgkantoorregio,ZK23,')).length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.startsWith('hospice,')).length).toBeGreaterThan(3);
  });

  test('the hospice table sorts by beds', async ({ page }) => {
    await page.goto('/regio/ZK23');
    const table = page.getByTestId('hospice-table');
    await table.getByRole('button', { name: /^Bedden/ }).click();
    await table.getByRole('button', { name: /^Bedden/ }).click();
    await expect(table.locator('th[aria-sort="descending"]')).toHaveCount(1);
    const beds = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    const numbers = beds.map(Number);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  });

  test('at 360 px wide nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/regio/ZK23');
    await expect(page.getByTestId('hospice-table')).toBeVisible();
    await waitForData(page);
    await expectNoHorizontalScroll(page);
  });
});
