import { expect, test } from '@playwright/test';
import { revealDeferred, VIEWPORTS } from './helpers';

// Pages that hold up for everyone: an HTML 404 for unknown addresses, a friendly error with a retry
// (never the server's detail), chart text that stays legible on a phone, a way past the map, the
// tile codes explained, the language in the address and the footer's pages.

test.describe('unknown addresses and server errors', () => {
  for (const path of ['/bestaat-niet', '/Bedden', '/regio/', '/regio/ZK99']) {
    test(`${path} answers an HTML page "not found" with status 404`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      expect(response?.headers()['content-type']).toContain('text/html');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
      await expect(page.locator('body')).not.toContainText('application/problem+json');
      await expect(page.locator('body')).not.toContainText('"status"');
    });
  }

  test('a server error shows a friendly message and a retry, never the detail', async ({
    page,
  }) => {
    let isBroken = true;
    await page.route('**/api/v1/overview', (route) =>
      isBroken
        ? route.fulfill({
            status: 500,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              type: 'about:blank',
              title: 'Internal Server Error',
              status: 500,
              detail: 'TypeError: cannot read rows at store.ts:42',
            }),
          })
        : route.fallback(),
    );
    await page.goto('/');
    await expect(page.getByText('Er ging iets mis.')).toBeVisible();
    await expect(page.locator('body')).not.toContainText('store.ts');
    await expect(page.locator('body')).not.toContainText('TypeError');
    isBroken = false;
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(page.getByTestId('national-totals')).toBeVisible();
  });
});

for (const viewport of VIEWPORTS) {
  test.describe(`legible at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('chart axis text is drawn at 12 px or more', async ({ page }) => {
      // The national forecast runs a Monte Carlo simulation: on a busy machine it takes a while.
      test.slow();
      await page.goto('/');
      await revealDeferred(page);
      const ticks = page.getByTestId('forecast-chart').locator('.chart__tick');
      await expect(ticks.first()).toBeVisible({ timeout: 120_000 });
      const sizes = await ticks.evaluateAll((elements) =>
        elements.map((el) => {
          const svg = (el as SVGElement).ownerSVGElement!;
          // The size on screen: the CSS size times the drawing's scale.
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return Number.parseFloat(getComputedStyle(el).fontSize) * scale;
        }),
      );
      expect(sizes.length).toBeGreaterThan(3);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    });

    test('a skip link leads past the map', async ({ page }) => {
      await page.goto('/');
      const map = page.getByTestId('region-map');
      await expect(map.getByRole('link')).toHaveCount(31);
      const skip = page.getByRole('link', { name: 'Sla de kaart over' });
      await skip.focus();
      await expect(skip).toBeVisible();
      await page.keyboard.press('Enter');
      const focusedInMap = await page.evaluate(() =>
        document.querySelector('[data-testid="region-map"]')!.contains(document.activeElement),
      );
      expect(focusedInMap).toBe(false);
      await expect(page.locator(':focus')).toHaveAttribute('id', /.+/);
      // Without imported boundaries the map is a grid of tiles with codes (HGL, WSD…): a key below
      // it names each region.
      if ((await map.locator('.tile').count()) > 0) {
        await page.getByText('Wat betekenen de afkortingen op de kaart?').click();
        await expect(page.getByTestId('tile-key')).toContainText('Haaglanden');
      }
    });
  });
}

test.describe('language and footer', () => {
  test('the language stays in the address, so a shared link opens in English', async ({
    page,
    browser,
  }) => {
    await page.goto('/?lang=en');
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Find a free bed' })
      .click();
    await expect(page).toHaveURL(/\/bedden\?lang=en$/);
    const shared = page.url();
    const other = await browser.newPage();
    await other.goto(shared);
    await expect(other.locator('html')).toHaveAttribute('lang', 'en');
    await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
    await other.close();
    // Back to Dutch: the address drops the parameter.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect(page).toHaveURL(/\/bedden$/);
  });

  test('the footer links to the accessibility and privacy statements, sources and contact', async ({
    page,
  }) => {
    await page.goto('/');
    const footer = page.locator('footer');
    for (const name of ['Toegankelijkheidsverklaring', 'Privacyverklaring', 'Bronnen', 'Contact']) {
      await expect(footer.getByRole('link', { name })).toBeVisible();
    }
    await footer.getByRole('link', { name: 'Bronnen' }).click();
    await expect(page).toHaveURL(/\/bronnen$/);
    await expect(page.getByTestId('sources')).toContainText('CBS StatLine');
    const direct = await page.goto('/toegankelijkheid');
    expect(direct?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toegankelijkheidsverklaring');
  });

  test('each headline figure says its source and date and what it means', async ({ page }) => {
    await page.goto('/');
    const totals = page.getByTestId('national-totals');
    await expect(totals.locator('.key-figure__source').first()).toContainText('Bron:');
    const about = totals.getByText('Wat betekent dit?');
    await expect(about).toHaveCount(4);
    await about.first().click();
    await expect(totals).toContainText('bijna-thuis-huizen');
  });
});
