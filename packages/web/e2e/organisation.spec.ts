import { expect, test } from '@playwright/test';
import {
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  VIEWPORTS,
  waitForData,
} from './helpers';

// The funding view: the nation's facilities by care model, funding form and umbrella, and the
// same for one region chosen from the list.

for (const viewport of VIEWPORTS) {
  test.describe(`organisation and funding at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the nation and one region side by side per funding form', async ({ page }) => {
      test.slow();
      await page.goto('/organisatie');
      await expect(
        page.getByRole('heading', { level: 1, name: 'Organisatie- en financieringsvormen' }),
      ).toBeVisible({ timeout: 30_000 });
      await waitForData(page);
      await expect(page.getByTestId('organisation-summary')).toContainText('Nederland');
      for (const table of ['careModel', 'funding', 'umbrella']) {
        await expect(
          page.getByTestId(`organisation-${table}`).locator('tbody tr').first(),
        ).toBeVisible();
      }
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);

      await page.getByLabel('Gebied').selectOption({ label: 'Utrecht' });
      await expect(page.getByTestId('organisation-summary')).toContainText('Utrecht', {
        timeout: 30_000,
      });
      await waitForData(page);
      await expect(
        page.getByTestId('organisation-funding').locator('tbody tr').first(),
      ).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  });
}
