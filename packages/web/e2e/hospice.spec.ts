import { expect, test } from '@playwright/test';
import {
  apiSignIn,
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  signInWithForm,
  waitForData,
  revealDeferred,
} from './helpers';

test.describe('hospice page /hospice/{id}', () => {
  test('opens from the region table with its registry history', async ({ page }) => {
    await page.goto('/regio/ZK23');
    const link = page.getByTestId('hospice-table').locator('tbody a[href^="/hospice/"]').first();
    const name = (await link.textContent())!;
    await link.click();
    await expect(page).toHaveURL(/\/hospice\/[A-Za-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    await revealDeferred(page);
    await expect(page.getByTestId('history-table').locator('tbody tr').first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Kruimelpad' })).toContainText('Utrecht');
    await waitForData(page);
    await expectNoSeriousA11yViolations(page);
  });

  test('shows the small counts it may not publish as "<5" with the reason, never 0', async ({
    page,
  }) => {
    await page.goto('/regio/ZK23');
    const answer = page.waitForResponse((r) => /\/hospices\/[^/]+\/statistics/.test(r.url()));
    await page.getByTestId('hospice-table').locator('tbody a[href^="/hospice/"]').first().click();
    await expect(page).toHaveURL(/\/hospice\/[A-Za-z0-9-]+$/);
    await revealDeferred(page);
    // A demo hospice admits a few guests a month: the public gets months of 1 to 4 suppressed.
    const stats = (await (await answer).json()) as {
      items: Array<{ admissions: number | null; suppressed: string[] }>;
    };
    const hidden = stats.items.filter((p) => p.suppressed.includes('admissions')).length;
    expect(hidden).toBeGreaterThan(0);
    const table = page
      .locator('.table-alternative table')
      .filter({ has: page.locator('th', { hasText: /^Opnames$/ }) });
    await expect(table.getByTestId('suppressed')).not.toHaveCount(0);
    await expect(table.getByTestId('suppressed').first()).toHaveAttribute('title', /minder dan 5/);
    await expect(table).not.toContainText('NaN');
  });

  test('one tap records an admission and the free beds go down (signed in as its editor)', async ({
    page,
    request,
  }) => {
    // The demo hospice editor edits one hospice; the API says which.
    const { user } = await apiSignIn(request, DEMO.hospiceEditor);
    const hospiceId = user.roles.find((r) => r.role === 'hospice-editor')!.scope!;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/hospice/${hospiceId}`);
    // Not signed in: the figures, no buttons, and a prompt to sign in.
    await expect(page.getByTestId('status-update')).toBeVisible();
    const prompt = page.getByTestId('sign-in-prompt');
    await expect(prompt).toContainText('Meld u aan om de status bij te werken');
    await expect(page.getByRole('button', { name: 'Klopt nog' })).toHaveCount(0);
    await revealDeferred(page);
    await expect(page.getByTestId('api-tokens')).toHaveCount(0);
    // Signing in from the prompt comes back to this page.
    await prompt.getByRole('link', { name: 'Aanmelden' }).click();
    await expect(page).toHaveURL(/\/aanmelden\?terug=%2Fhospice%2F/);
    await signInWithForm(page, DEMO.hospiceEditor);
    await expect(page).toHaveURL(new RegExp(`/hospice/${hospiceId}$`));
    await expect(page.getByTestId('account-name')).toHaveText('Demo hospicecoördinator');
    await expect(page.getByTestId('sign-in-prompt')).toHaveCount(0);
    // Start from a known state: confirm everything open and one bed occupied.
    await page.getByRole('button', { name: 'Klopt nog' }).click();
    await expect(page.getByTestId('status-message')).toHaveText('Bevestigd. Dank u wel.');
    const before = Number(await page.getByTestId('beds-free').textContent());
    if (before === 0) {
      await page.getByRole('button', { name: 'Vertrek (−1 bezet)' }).click();
      await expect(page.getByTestId('status-message')).toHaveText('Vertrek opgeslagen.');
    }
    const start = Number(await page.getByTestId('beds-free').textContent());
    await page.getByRole('button', { name: 'Opname (+1 bezet)' }).click();
    await expect(page.getByTestId('status-message')).toHaveText('Opname opgeslagen.');
    await expect(page.getByTestId('beds-free')).toHaveText(String(start - 1));
    const status = await (await request.get(`/api/v1/hospices/${hospiceId}/bed-status`)).json();
    expect(status.bedsOpen - status.bedsOccupied).toBe(start - 1);
    // The public sees that a person recorded it; the hospice's own staff see who.
    expect(status.recordedBy).toBe('person');
    const history = await (
      await page.request.get(`/api/v1/hospices/${hospiceId}/bed-status/history?limit=1`)
    ).json();
    expect(history.items[0].recordedBy).toBe(`user:${DEMO.hospiceEditor}`);
    await expectNoHorizontalScroll(page);
  });

  test('a signed-in person without rights for the hospice sees no buttons and why', async ({
    page,
  }) => {
    await apiSignIn(page.request, DEMO.careProfessional);
    const list = await (await page.request.get('/api/v1/hospices?region=ZK23&limit=1')).json();
    await page.goto(`/hospice/${list.items[0].id}`);
    await expect(page.getByTestId('not-your-hospice')).toContainText(
      'Met uw account kunt u de status van dit hospice niet bijwerken',
    );
    await expect(page.getByRole('button', { name: 'Klopt nog' })).toHaveCount(0);
    await revealDeferred(page);
    await expect(page.getByTestId('api-tokens')).toHaveCount(0);
  });

  test('an unknown hospice or region shows "not found", and unknown API paths stay problem+json', async ({
    page,
    request,
  }) => {
    await page.goto('/hospice/bestaat-niet');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
    await page.goto('/regio/ZK99');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
    const api = await request.get('/api/v1/bestaat-niet');
    expect(api.status()).toBe(404);
    expect(api.headers()['content-type']).toContain('application/problem+json');
  });
});
