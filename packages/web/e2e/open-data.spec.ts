import { expect, test } from '@playwright/test';
import {
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  VIEWPORTS,
  waitForData,
} from './helpers';

// The open-data page, reached from the footer: every dataset of the catalogue with its downloads,
// and the downloads answer with the file they promise.

for (const viewport of VIEWPORTS) {
  test.describe(`open data at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the footer leads to the datasets, and their downloads answer', async ({ page }) => {
      // The first download of the figures computes every region's twelve months: slow on a busy
      // machine (later ones are served from the kept answer).
      test.slow();
      await page.goto('/');
      await page.getByRole('contentinfo').getByRole('link', { name: 'Open data' }).click();
      await expect(page).toHaveURL(/\/open-data$/);
      // The page's code loads on first visit: on a busy machine that takes a while.
      await expect(page.getByRole('heading', { level: 1, name: 'Open data' })).toBeVisible({
        timeout: 30_000,
      });
      await waitForData(page);
      for (const id of ['region-months', 'hospices']) {
        const card = page.getByTestId(`dataset-${id}`);
        await expect(card.getByRole('heading', { level: 2 })).toBeVisible();
        await expect(card.getByRole('link', { name: 'CC BY 4.0' })).toHaveAttribute(
          'href',
          'https://creativecommons.org/licenses/by/4.0/',
        );
        for (const format of ['CSV', 'JSON'] as const) {
          const link = card.getByRole('link', { name: `Download als ${format}` });
          const href = await link.getAttribute('href');
          expect(href).toBe(`/api/v1/open-data/${id}.${format.toLowerCase()}`);
          const file = await page.request.get(href!);
          expect(file.status()).toBe(200);
          expect(file.headers()['content-type']).toContain(
            format === 'CSV' ? 'text/csv' : 'application/json',
          );
        }
      }
      await expect(page.getByTestId('open-data-changelog').getByRole('listitem')).toHaveCount(2);
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);
    });
  });
}

test('open data in English: the page speaks English too', async ({ page }) => {
  await page.goto('/open-data?lang=en');
  await waitForData(page);
  await expect(
    page.getByTestId('dataset-region-months').getByRole('heading', {
      name: 'Hospice care per care-office region and month',
    }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download as CSV' }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
