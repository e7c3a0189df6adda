import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers';

// Every page in English (?lang=en) is as accessible as in Dutch: the language is declared, the
// texts are English once the data is in, and axe finds no serious violation.

test.describe('the pages in English', () => {
  let hospicePath = '';

  test.beforeAll(async ({ request }) => {
    const { items } = (await (await request.get('/api/v1/hospices?limit=1')).json()) as {
      items: Array<{ id: string }>;
    };
    hospicePath = `/hospice/${items[0]!.id}`;
  });

  for (const [name, path] of [
    ['national overview', () => '/'],
    ['region cockpit', () => '/regio/ZK23'],
    ['hospice page', () => hospicePath],
    ['bed finder', () => '/bedden'],
    ['scenario explorer', () => '/scenario'],
  ] as const) {
    test(`${name}: English, no serious accessibility violation`, async ({ page }) => {
      await page.goto(`${path()}?lang=en`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();
      await expect(page.getByText('Loading data…')).toHaveCount(0, { timeout: 30_000 });
      await expect(page.getByText('Gegevens worden geladen…')).toHaveCount(0);
      await expectNoSeriousA11yViolations(page);
    });
  }
});
