import { expect, test } from '@playwright/test';
import {
  apiSignIn,
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  VIEWPORTS,
  waitForData,
} from './helpers';

// The regisseur opens the regional report: its headings, its figures (the API's own), the PDF the
// server makes of it, and the list of kept monthly reports; printable and accessible.

for (const viewport of VIEWPORTS) {
  test.describe(`regional report at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the regisseur reads the report of Utrecht and downloads it as PDF', async ({ page }) => {
      // The report runs the forecast and the plan on the server: slow on a busy machine.
      test.slow();
      // Signed in through the API (the form has its own tests); the browser shares the cookie.
      await apiSignIn(page.request, DEMO.regisseur);
      await page.goto('/regio/ZK23');
      const cockpitLink = page.getByRole('link', { name: /^Regiorapport/ });
      await expect(cockpitLink).toHaveAttribute('href', '/regio/ZK23/rapport');
      await page.goto('/regio/ZK23/rapport');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        /^Hospicezorg in Utrecht, \d{1,2} [a-z]+ \d{4}$/,
        { timeout: 60_000 },
      );
      await waitForData(page);
      for (const title of [
        'Capaciteit nu',
        'Bezetting, weigeringen en wachtlijsten (laatste twaalf maanden)',
        'Erlang B tegen de bezettingsnorm',
        'Het beddenplan tegen de behoefte',
        'Volledigheid van de gegevens',
        'Bronnen',
        'Bewaarde maandrapporten',
      ]) {
        await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
      }
      await expect(
        page.getByRole('heading', { level: 2, name: /^Prognose tot 2050/ }),
      ).toBeVisible();

      const region = await (await page.request.get('/api/v1/regions/ZK23')).json();
      const beds = page.locator('.report-figures div', { hasText: 'Bedden in het register' });
      await expect(beds.locator('dd')).toHaveText(
        new Intl.NumberFormat('nl-NL').format(region.licensedBeds),
      );
      const report = await (await page.request.get('/api/v1/regions/ZK23/report')).json();
      await expect(page.getByTestId('report-norm')).toContainText(
        `bezettingsnorm van ${Math.round(report.norm.occupancyNorm * 100)}%`,
      );
      const rows = page.locator('#report-completeness ~ .table-scroll tbody tr');
      await expect(rows).toHaveCount(report.completeness.hospices.length);
      // The demo's 24 months of status reports give the region a share of confirmed days.
      const percent = new Intl.NumberFormat('nl-NL', {
        style: 'percent',
        maximumFractionDigits: 0,
      });
      expect(report.completeness.summary.last28DaysShare).not.toBeNull();
      await expect(page.getByTestId('report-completeness-summary')).toContainText(
        `Bevestigd op ${percent.format(report.completeness.summary.last28DaysShare)} van de dagen`,
      );

      const href = await page.getByTestId('report-pdf').getAttribute('href');
      expect(href).toBe('/api/v1/regions/ZK23/report.pdf?lang=nl');
      const pdf = await page.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);
    });
  });
}

test('printed, the report shows no menu or buttons', async ({ page }) => {
  test.slow();
  await page.goto('/regio/NL/rapport');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hospicezorg in Nederland, /, {
    timeout: 60_000,
  });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByTestId('report-pdf')).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Capaciteit nu' })).toBeVisible();
});
