import { expect, test } from '@playwright/test';
import {
  apiSignIn,
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  signInWithForm,
  VIEWPORTS,
  waitForData,
} from './helpers';

// The regisseur: lands in the own region, sees the live state per hospice, and acts on an alert;
// the region's other users see what was done.

for (const viewport of VIEWPORTS) {
  test.describe(`regisseur at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('lands on the own region, acknowledges an alert; an analyst sees it', async ({
      page,
      browser,
    }) => {
      await page.goto('/aanmelden');
      await signInWithForm(page, DEMO.regisseur);
      await expect(page).toHaveURL(/\/regio\/ZK23$/);
      // The live state per hospice: a "vrij nu" column.
      const table = page.getByTestId('hospice-table');
      await expect(table.getByRole('columnheader', { name: /Vrij nu/ })).toBeVisible();
      await expect(table.locator('tbody [data-state]').first()).toBeVisible();

      const alert = page.getByTestId('alerts').locator('li[data-alert-key]').first();
      await expect(alert).toBeVisible();
      const key = (await alert.getAttribute('data-alert-key'))!;
      const note = `Gebeld met het hospice (${viewport.width}).`;
      await alert.getByRole('button', { name: /^Afhandelen/ }).click();
      await alert.getByLabel('Notitie (wat is er gedaan of afgesproken?)').fill(note);
      await alert.getByLabel('Opvolgen op (niet verplicht)').fill('2099-01-15');
      await alert.getByRole('button', { name: 'Afhandeling opslaan' }).click();
      const done = page.locator(`li[data-alert-key="${key}"]`).getByTestId('alert-ack-text');
      await expect(done).toContainText(note);
      await expect(done).toContainText('Opvolgen op 15 januari 2099.');
      // It links to what it is about.
      await expect(page.locator(`li[data-alert-key="${key}"] a[href^="/hospice/"]`)).toBeVisible();
      await waitForData(page);
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);

      const other = await browser.newContext({ viewport });
      const analyst = await other.newPage();
      await apiSignIn(analyst.request, DEMO.analyst);
      await analyst.goto('/regio/ZK23');
      await expect(
        analyst.locator(`li[data-alert-key="${key}"]`).getByTestId('alert-ack-text'),
      ).toContainText(note);
      // The analyst reads, but does not acknowledge.
      await expect(analyst.getByRole('button', { name: /^Afhandelen/ })).toHaveCount(0);
      await other.close();
    });
  });
}
