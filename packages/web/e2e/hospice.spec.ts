import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, waitForData } from './helpers';

test.describe('hospice page /hospice/{id}', () => {
  test('opens from the region table with its registry history', async ({ page }) => {
    await page.goto('/regio/ZK23');
    const link = page.getByTestId('hospice-table').locator('tbody a[href^="/hospice/"]').first();
    const name = (await link.textContent())!;
    await link.click();
    await expect(page).toHaveURL(/\/hospice\/[A-Za-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    await expect(page.getByTestId('history-table').locator('tbody tr').first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Kruimelpad' })).toContainText('Utrecht');
    await waitForData(page);
    await expectNoSeriousA11yViolations(page);
  });

  test('one tap records an admission and the free beds go down', async ({ page, request }) => {
    const list = await (await request.get('/api/v1/hospices?region=ZK23&limit=50')).json();
    const hospice = list.items.find((h: { licensedBeds: number }) => h.licensedBeds >= 3);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/hospice/${hospice.id}`);
    const panel = page.getByTestId('status-update');
    await expect(panel).toBeVisible();
    // Start from a known state: confirm everything open and one bed occupied.
    await page.getByRole('button', { name: 'Klopt nog' }).click();
    await expect(page.getByTestId('status-message')).toHaveText('Bevestigd. Dank u wel.');
    const before = Number(await page.getByTestId('beds-free').textContent());
    if (before === 0) {
      await page.getByRole('button', { name: 'Vertrek (−1 bezet)' }).click();
      await expect(page.getByTestId('status-message')).toHaveText('Vertrek opgeslagen.');
    }
    const start = Number(await page.getByTestId('beds-free').textContent());
    await page.getByRole('button', { name: 'Opname (+1 bezet)' }).click();
    await expect(page.getByTestId('status-message')).toHaveText('Opname opgeslagen.');
    await expect(page.getByTestId('beds-free')).toHaveText(String(start - 1));
    const status = await (await request.get(`/api/v1/hospices/${hospice.id}/bed-status`)).json();
    expect(status.bedsOpen - status.bedsOccupied).toBe(start - 1);
    await expectNoHorizontalScroll(page);
  });

  test('an unknown hospice or region shows "not found", and unknown API paths stay problem+json', async ({
    page,
    request,
  }) => {
    await page.goto('/hospice/bestaat-niet');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
    await page.goto('/regio/ZK99');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
    const api = await request.get('/api/v1/bestaat-niet');
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toContain('application/problem+json');
  });
});
