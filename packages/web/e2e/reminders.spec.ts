import { expect, test, type Page } from '@playwright/test';
import * as e2e from './helpers';

// A hospice editor switches reminder mails off on the own hospice card and it stays off; a
// regisseur sees who is behind with reporting in the cockpit. Both on a phone and a desktop.

async function pageIsSound(page: Page): Promise<void> {
  await e2e.waitForData(page);
  await e2e.expectNoHorizontalScroll(page);
  await e2e.expectNoSeriousA11yViolations(page);
}

for (const viewport of e2e.VIEWPORTS) {
  test.describe(`reminders and completeness at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('a hospice editor switches reminders off; it stays off after a reload', async ({
      page,
      context,
    }) => {
      // Start from the default (on), whatever an earlier run left.
      const signedIn = await e2e.apiSignIn(page.request, e2e.DEMO.hospiceEditor);
      const hospiceId = signedIn.user.roles.find((r) => r.role === 'hospice-editor')!.scope!;
      const reset = await page.request.put('/api/v1/account/reminders', {
        data: { enabled: true },
        headers: { 'X-CSRF-Token': signedIn.csrfToken },
      });
      expect(reset.ok()).toBe(true);
      await context.clearCookies();

      await page.goto('/aanmelden');
      await e2e.signInWithForm(page, e2e.DEMO.hospiceEditor);
      await expect(page).toHaveURL(new RegExp(`/hospice/${hospiceId}$`));
      const toggle = page.getByTestId('reminder-toggle');
      await expect(toggle).toBeChecked();
      await toggle.uncheck();
      await expect(toggle).not.toBeChecked();
      // Saved once the switch is usable again; then a reload reads it from the server.
      await expect(toggle).toBeEnabled();
      await page.reload();
      await expect(page.getByTestId('reminder-toggle')).not.toBeChecked();
      await pageIsSound(page);
    });

    test('a regisseur sees the completeness section with who is behind', async ({ page }) => {
      // The whole cockpit loads around it: slow on a busy machine.
      test.slow();
      await page.goto('/aanmelden');
      await e2e.signInWithForm(page, e2e.DEMO.regisseur);
      await expect(page).toHaveURL(/\/regio\/ZK23$/);
      const section = page.getByTestId('completeness');
      await section.scrollIntoViewIfNeeded();
      await expect(section.getByTestId('completeness-summary')).toContainText('voorzieningen', {
        timeout: 30_000,
      });
      const rows = section.getByTestId('completeness-table').locator('tbody tr');
      await expect(rows.first()).toBeVisible();
      await pageIsSound(page);
    });
  });
}
