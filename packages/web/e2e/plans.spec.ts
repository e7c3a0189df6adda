import { expect, test } from '@playwright/test';
import {
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  signInWithForm,
  VIEWPORTS,
  waitForData,
} from './helpers';

// The regisseur records a planned expansion in the cockpit and sees the plan line move; the
// national page shows every region's plan against need.

for (const viewport of VIEWPORTS) {
  test.describe(`bed plans at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('a regisseur enters a planned expansion and the plan line moves', async ({ page }) => {
      // The whole cockpit loads (forecast, statistics, plan): slow on a busy machine.
      test.slow();
      await page.goto('/aanmelden');
      await signInWithForm(page, DEMO.regisseur);
      await expect(page).toHaveURL(/\/regio\/ZK23$/);
      const section = page.getByTestId('region-plan');
      // The plan loads when its section is scrolled to.
      await section.scrollIntoViewIfNeeded();
      const line = section.locator('[data-series="planned"]');
      // The plan and the need are computed on the server; on a busy machine that takes a while.
      await expect(line).toHaveAttribute('d', /^M/, { timeout: 30_000 });
      const lineBefore = (await line.getAttribute('d'))!;
      await section.getByText('Toon als tabel').click();
      const cell2035 = section.locator('tr[data-year="2035"] [data-testid="planned-beds"]');
      const before = Number((await cell2035.textContent())!.replace(/\D/g, ''));

      const editor = section.getByTestId('plan-editor');
      await editor.getByLabel('Soort wijziging').selectOption({ label: 'Uitbreiden' });
      await editor.getByLabel('Aantal bedden erbij of eraf').fill('5');
      await editor.getByLabel('Gaat in op').fill('2031-01-01');
      await editor.getByLabel(/^Status/).selectOption({ label: 'afgesproken' });
      await editor.getByLabel('Toelichting (niet verplicht)').fill('Uitbreiding afgesproken');
      await editor.getByRole('button', { name: 'Wijziging opslaan' }).click();

      await expect(editor.getByRole('status')).toHaveText(
        'Het plan is opgeslagen als nieuwe versie.',
        { timeout: 30_000 },
      );
      await expect(cell2035).toHaveText(String(before + 5), { timeout: 30_000 });
      await expect(line).not.toHaveAttribute('d', lineBefore);
      await expect(section.getByTestId('plan-changes')).toContainText('Uitbreiding afgesproken');
      await waitForData(page);
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);
    });

    test('the national plans page shows all 31 regions against need', async ({ page }) => {
      await page.goto('/plannen');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Beddenplannen van alle regio’s',
      );
      const table = page.getByTestId('plans-table');
      await expect(table.locator('tbody tr')).toHaveCount(31);
      await expect(table.getByRole('link', { name: 'Utrecht' })).toHaveAttribute(
        'href',
        '/regio/ZK23',
      );
      await expect(table.locator('[data-verdict]').first()).toBeVisible();
      await waitForData(page);
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);
    });
  });
}
