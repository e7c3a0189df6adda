import { expect, test } from '@playwright/test';
import {
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  revealDeferred,
  signInWithForm,
  VIEWPORTS,
  waitForData,
} from './helpers';

// The regisseur sets the status of the region's transformation plan in the cockpit, and the
// national map on the plans page shows it.

for (const viewport of VIEWPORTS) {
  test.describe(`transformation plans at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('a regisseur sets the status and sees it on the national map', async ({ page }) => {
      test.slow();
      await page.goto('/aanmelden');
      await signInWithForm(page, DEMO.regisseur);
      await expect(page).toHaveURL(/\/regio\/ZK23$/);
      const section = page.getByTestId('transformation-plan');
      await section.scrollIntoViewIfNeeded();
      const form = section.getByTestId('transformation-form');
      await form.getByLabel(/^Status/).selectOption({ label: 'Ingediend' });
      await form.getByLabel('Begonnen op').fill('2025-09-01');
      await form.getByLabel('Ingediend op').fill('2026-01-15');
      await form.getByLabel('Het plan').fill('http://niet-veilig.example.org/plan');
      await form.getByRole('button', { name: 'Status opslaan' }).click();
      // Only https: the form says so and nothing is saved.
      await expect(form.getByRole('alert')).toBeVisible({ timeout: 30_000 });
      await form.getByLabel('Het plan').fill('https://www.example.org/utrecht/transformatieplan');
      await form.getByRole('button', { name: 'Status opslaan' }).click();
      await expect(form.getByRole('status')).toHaveText('De status is opgeslagen.', {
        timeout: 30_000,
      });
      await expect(section.getByTestId('transformation-status')).toHaveText('Ingediend');
      await expect(
        section.getByRole('link', { name: 'Open het transformatieplan' }),
      ).toHaveAttribute('href', 'https://www.example.org/utrecht/transformatieplan');
      await waitForData(page);
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);

      await page.goto('/plannen');
      // The map loads when scrolled to, below the table of plans.
      await revealDeferred(page);
      const map = page.getByTestId('transformation-map');
      await expect(map.getByRole('link', { name: 'Utrecht: Status Ingediend' })).toBeVisible({
        timeout: 30_000,
      });
      await expect(map.getByTestId('transformation-legend').getByRole('listitem')).toHaveCount(5);
      await waitForData(page);
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);
    });
  });
}
