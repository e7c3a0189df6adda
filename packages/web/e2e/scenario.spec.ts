import { expect, test, type Page } from '@playwright/test';
import {
  apiSignIn,
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  waitForData,
} from './helpers';

const bedsNeeded = async (page: Page) =>
  Number((await page.getByTestId('beds-needed-national').textContent())!.replace(/\./g, ''));

test.describe('scenario explorer /scenario', () => {
  test('moving a slider changes the beds needed at once, in the URL too', async ({ page }) => {
    await page.goto('/scenario');
    await expect(page.getByTestId('beds-needed-national')).toBeVisible({ timeout: 30_000 });
    const before = await bedsNeeded(page);
    expect(before).toBeGreaterThan(0);
    const slider = page.getByTestId('slider-los');
    await slider.focus();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('ArrowRight');
    }
    await expect(page).toHaveURL(/ligduur=30/);
    const after = await bedsNeeded(page);
    expect(after).toBeGreaterThan(before);
    const ms = Number(
      (await page.getByTestId('compute-time').textContent())!
        .match(/([\d,]+) ms/)![1]!
        .replace(',', '.'),
    );
    expect(ms).toBeLessThan(50);
    await expect(page.getByTestId('scenario-table').locator('tbody tr')).toHaveCount(31);
  });

  test('a shared URL restores the settings, and a scenario can be saved', async ({ page }) => {
    // Not signed in: no save form, a link to sign in instead.
    await page.goto('/scenario?s=baseline&ligduur=30&pooling=region&jaar=2045');
    await expect(page.getByTestId('sign-in-prompt')).toContainText(
      'Meld u aan om een scenario op te slaan',
    );
    await expect(page.getByRole('button', { name: 'Scenario opslaan' })).toHaveCount(0);
    await expect(
      page.getByTestId('sign-in-prompt').getByRole('link', { name: 'Aanmelden' }),
    ).toHaveAttribute('href', /^\/aanmelden\?terug=%2Fscenario%3F/);
    // Signed in (the national analyst), saving works.
    await apiSignIn(page.request, DEMO.analyst);
    await page.goto('/scenario?s=baseline&ligduur=30&pooling=region&jaar=2045');
    await expect(page.getByTestId('slider-los')).toHaveValue('30');
    await expect(page.getByRole('radio', { name: 'Eén regionale intake' })).toBeChecked();
    await expect(page.getByRole('heading', { name: 'Benodigde bedden in 2045' })).toBeVisible();
    const name = `E2E test ${Date.now()}`;
    await page.getByLabel('Naam van het scenario').fill(name);
    await page.getByRole('button', { name: 'Scenario opslaan' }).click();
    await expect(page.getByText(`Opgeslagen als “${name}”.`)).toBeVisible();
    await page.getByRole('link', { name: 'Open het opgeslagen scenario' }).click();
    await expect(page.getByTestId('scenario-select').locator('option:checked')).toHaveText(name);
    await expect(page.getByTestId('slider-los')).toHaveValue('30');
  });

  test('a care professional may share a scenario but not save it', async ({ page }) => {
    await apiSignIn(page.request, DEMO.careProfessional);
    await page.goto('/scenario?s=baseline&ligduur=30&jaar=2045');
    await expect(page.getByTestId('save-role-hint')).toContainText(
      'Scenario’s opslaan doen landelijk analisten, regisseurs en beheerders',
    );
    await expect(page.getByRole('button', { name: 'Scenario opslaan' })).toHaveCount(0);
  });

  test('picking an RIVM scenario changes the result', async ({ page }) => {
    await page.goto('/scenario?jaar=2050');
    await expect(page.getByTestId('beds-needed-national')).toBeVisible({ timeout: 30_000 });
    const baseline = await bedsNeeded(page);
    await page.getByTestId('scenario-select').selectOption('professional-central');
    await expect(page).toHaveURL(/s=professional-central/);
    await expect.poll(() => bedsNeeded(page)).not.toBe(baseline);
    await waitForData(page);
    await expectNoSeriousA11yViolations(page);
  });

  test('at 360 px wide nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/scenario');
    await expect(page.getByTestId('beds-needed-national')).toBeVisible({ timeout: 30_000 });
    await expectNoHorizontalScroll(page);
  });
});
