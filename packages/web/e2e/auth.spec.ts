import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  apiSignIn,
  DEMO,
  DEMO_PASSWORD,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  openInApp,
  signInWithForm,
  waitForData,
  revealDeferred,
} from './helpers';

test.describe('accounts: signing in and out', () => {
  test('sign in with the form, return to the page, see who is signed in, sign out', async ({
    page,
  }) => {
    await page.goto('/bedden');
    await page.getByTestId('sign-in-link').click();
    await expect(page).toHaveURL(/\/aanmelden\?terug=%2Fbedden$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden');
    // Demo data, so the demo accounts are listed, plainly marked as such.
    const demo = page.getByTestId('demo-accounts');
    await expect(demo).toContainText('alleen voor demonstratie');
    await expect(demo).toContainText('palliamonitor-demo');
    await expect(demo.locator('li')).toHaveCount(5);
    await waitForData(page);
    await expectNoSeriousA11yViolations(page);

    // A wrong password: a clear Dutch message, still on the form.
    await page.getByLabel('E-mailadres').fill(DEMO.regisseur);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await expect(page.getByTestId('form-error')).toHaveText(
      'Het e-mailadres of het wachtwoord klopt niet.',
    );
    await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expectNoSeriousA11yViolations(page);

    // "Vul in" fills a demo account; signing in returns to the bed finder.
    await page.getByRole('button', { name: `Vul in: de gegevens van ${DEMO.regisseur}` }).click();
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await expect(page).toHaveURL(/\/bedden$/);
    const account = page.getByTestId('account');
    await expect(account.getByTestId('account-name')).toHaveText('Demo regisseur Utrecht');
    await expect(account.getByTestId('account-role')).toHaveText('Regisseur ZK23');
    const me = await (await page.request.get('/api/v1/auth/me')).json();
    expect(me.kind).toBe('user');
    // What the role may do comes from the server's policy, listed under "Wat u mag doen".
    const may = account.getByTestId('account-permissions');
    await may.getByText('Wat u mag doen').click();
    await expect(may.getByRole('listitem')).toContainText([
      'Alle openbare cijfers, prognoses en scenario’s bekijken',
      'Telefoonnummers van hospices zien (voor verwijzingen)',
    ]);
    await expect(may).toContainText('Scenario’s opslaan');
    await expect(may).toContainText('Signalen van uw regio afhandelen');
    await expect(may).not.toContainText('Accounts aanmaken en beheren');

    // Signed in, the sign-in page says so instead of showing the form.
    await page.getByRole('link', { name: 'Landelijk overzicht' }).click();
    await page.evaluate(() => {
      window.history.pushState(null, '', '/aanmelden');
      window.dispatchEvent(new Event('palliamonitor:navigate'));
    });
    await expect(page.getByTestId('signed-in')).toContainText('Demo regisseur Utrecht');
    await page.getByRole('link', { name: 'Vrij bed zoeken' }).click();

    await account.getByRole('button', { name: 'Afmelden' }).click();
    await expect(page.getByTestId('account')).toHaveCount(0);
    await expect(page.getByTestId('sign-in-link')).toBeFocused();
    const after = await (await page.request.get('/api/v1/auth/me')).json();
    expect(after.kind).toBe('anonymous');
  });

  test('too many attempts: the wait from Retry-After is shown', async ({ page }) => {
    await page.route('**/api/v1/auth/sign-in', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '37' },
        body: JSON.stringify({
          status: 429,
          title: 'Too Many Requests',
          code: 'TOO_MANY_REQUESTS',
        }),
      }),
    );
    await openInApp(page, '/aanmelden');
    await signInWithForm(page, DEMO.analyst);
    await expect(page.getByTestId('form-error')).toHaveText(
      'Te veel pogingen. Probeer het over 37 s opnieuw.',
    );
  });

  test('password reset: the request always gets the same answer; the new password needs 12 characters', async ({
    page,
  }) => {
    await openInApp(page, '/aanmelden');
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await expect(page).toHaveURL(/\/wachtwoord-vergeten$/);
    await page.getByLabel('E-mailadres').fill('onbekend@voorbeeld.nl');
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Als het adres bekend is, is er een link verstuurd. Kijk in uw e-mail, ook bij ongewenste e-mail.',
    );
    await expectNoSeriousA11yViolations(page);

    await openInApp(page, '/wachtwoord-herstellen?token=dit-is-geen-geldige-link');
    await page.getByLabel('Nieuw wachtwoord').fill('te kort');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('te kort');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect(page.getByTestId('form-error')).toHaveText(
      'Het wachtwoord moet minstens 12 tekens hebben.',
    );
    await page.getByLabel('Nieuw wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een andere zin als wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect(page.getByTestId('form-error')).toHaveText(
      'De twee wachtwoorden zijn niet gelijk.',
    );
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect(page.getByTestId('form-error')).toContainText(
      'Deze link is ongeldig, al gebruikt of verlopen.',
    );
    await expect(
      page.getByTestId('form-error').getByRole('link', { name: 'Vraag een nieuwe link aan' }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('at 360 px /aanmelden and the signed-in header do not scroll sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    await page.getByTestId('sign-in-link').click();
    await expect(page.getByTestId('demo-accounts')).toBeVisible();
    await waitForData(page);
    await expectNoHorizontalScroll(page);
    await signInWithForm(page, DEMO.hospiceEditor);
    await expect(page.getByTestId('account-name')).toHaveText('Demo hospicecoördinator');
    await expectNoHorizontalScroll(page);
  });

  test('the new pages load directly (reload, the link in the reset e-mail)', async ({
    page,
    request,
  }) => {
    const direct = await request.get('/aanmelden');
    expect(direct.status()).toBe(200);
    await page.goto('/aanmelden?terug=%2Fscenario');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aanmelden');
    await page.goto('/wachtwoord-herstellen?token=abcdefghijklmnop');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuw wachtwoord kiezen');
    await page.goto('/wachtwoord-vergeten');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wachtwoord vergeten');
    await page.goto('/beheer/auditlog');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Auditlog van alle regio’s');
  });
});

test.describe('accounts: who may write', () => {
  test('a write after the session has ended sends the user to sign in, and back', async ({
    page,
    context,
  }) => {
    const { user } = await apiSignIn(page.request, DEMO.hospiceEditor);
    const hospiceId = user.roles[0]!.scope!;
    await page.goto(`/hospice/${hospiceId}`);
    await expect(page.getByRole('button', { name: 'Klopt nog' })).toBeVisible();
    // The session ends (expired, or signed out in another tab): the next write gets 401.
    await context.clearCookies();
    await page.getByRole('button', { name: 'Klopt nog' }).click();
    await expect(page).toHaveURL(/\/aanmelden\?terug=%2Fhospice%2F/);
    await signInWithForm(page, DEMO.hospiceEditor);
    await expect(page).toHaveURL(new RegExp(`/hospice/${hospiceId}$`));
    await page.getByRole('button', { name: 'Klopt nog' }).click();
    await expect(page.getByTestId('status-message')).toHaveText('Bevestigd. Dank u wel.');
  });

  test('a stale CSRF token (signed in again in another tab) is renewed, and the write goes through', async ({
    page,
  }) => {
    const { user, csrfToken } = await apiSignIn(page.request, DEMO.hospiceEditor);
    await page.goto(`/hospice/${user.roles[0]!.scope!}`);
    await expect(page.getByRole('button', { name: 'Klopt nog' })).toBeVisible();
    // A new session (new cookie, new CSRF token) replaces the one the page knows.
    const again = await page.request.post('/api/v1/auth/sign-in', {
      data: { email: DEMO.hospiceEditor, password: DEMO_PASSWORD },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(again.status()).toBe(200);
    expect((await again.json()).csrfToken).not.toBe(csrfToken);
    await page.getByRole('button', { name: 'Klopt nog' }).click();
    await expect(page.getByTestId('status-message')).toHaveText('Bevestigd. Dank u wel.');
  });

  test('a 403 from the server shows "Geen toegang" with its reason', async ({ page }) => {
    // The care professional may not read the audit log. Make the app believe otherwise, so the
    // request reaches the server and its refusal is shown.
    const { user, csrfToken } = await apiSignIn(page.request, DEMO.careProfessional);
    await page.route('**/api/v1/auth/me', (route) =>
      route.fulfill({
        json: {
          kind: 'user',
          user: { ...user, roles: [{ role: 'administrator', scope: null }] },
          csrfToken,
        },
      }),
    );
    await openInApp(page, '/beheer/auditlog');
    await expect(page.getByTestId('forbidden')).toContainText('Geen toegang.');
    await expect(page.getByTestId('forbidden')).toContainText(
      'Hiervoor is de rol Regisseur of Beheerder nodig.',
    );
  });

  test('without the administrator role, /beheer/auditlog says no access', async ({ page }) => {
    await openInApp(page, '/beheer/auditlog');
    await expect(page.getByTestId('sign-in-prompt')).toContainText('Meld u aan als beheerder');
    await apiSignIn(page.request, DEMO.careProfessional);
    await openInApp(page, '/beheer/auditlog');
    await expect(page.getByTestId('forbidden')).toContainText('Geen toegang.');
    await expect(page.getByRole('link', { name: 'Auditlog' })).toHaveCount(0);
  });
});

test.describe('API tokens', () => {
  test('the hospice editor creates a token (shown once), it works, and revokes it', async ({
    page,
    context,
    request,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { user } = await apiSignIn(page.request, DEMO.hospiceEditor);
    const hospiceId = user.roles[0]!.scope!;
    await page.goto(`/hospice/${hospiceId}`);
    await revealDeferred(page);
    const section = page.getByTestId('api-tokens');
    await expect(section.getByRole('heading', { name: 'API-tokens' })).toBeVisible();
    const label = `E2E koppeling ${Date.now()}`;
    await section.getByLabel('Omschrijving').fill(label);
    await section.getByRole('button', { name: 'Token maken' }).click();

    const shown = section.getByTestId('new-token');
    await expect(shown).toContainText('Het wordt niet opnieuw getoond.');
    const token = await shown.getByTestId('new-token-value').inputValue();
    expect(token).toMatch(/^pm_[0-9a-f]{12}_\S+$/);
    await shown.getByRole('button', { name: 'Kopieer het token' }).click();
    await expect(shown.getByRole('status')).toHaveText('Gekopieerd.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await waitForData(page);
    await expectNoSeriousA11yViolations(page);
    await shown.getByRole('button', { name: 'Ik heb het token bewaard' }).click();
    await expect(section.getByTestId('new-token')).toHaveCount(0);

    // The hospice system uses the token.
    const put = await request.post(`/api/v1/hospices/${hospiceId}/bed-status/confirm`, {
      headers: { Authorization: `Bearer ${token}` },
      data: {},
    });
    expect(put.ok()).toBe(true);

    // Listed as active, last use recorded; the secret is not shown again.
    await page.reload();
    // Sections below the first view load when scrolled to, after a reload too.
    await revealDeferred(page);
    const row = section.locator('tbody tr', { hasText: label });
    await expect(row.getByTestId('token-status')).toContainText('Actief');
    await expect(row).not.toContainText('nog nooit');
    await expect(page.getByText(token)).toHaveCount(0);

    // Revoke, after a confirmation.
    await row.getByRole('button', { name: `Token “${label}” intrekken` }).click();
    await expect(row).toContainText(
      'Systemen die het gebruiken, kunnen daarna niets meer doorsturen',
    );
    await row.getByRole('button', { name: 'Ja, intrekken' }).click();
    await expect(section.getByRole('status').first()).toHaveText(
      `Token “${label}” is ingetrokken.`,
    );
    await expect(row.getByTestId('token-status')).toContainText('Ingetrokken');
    const refused = await request.post(`/api/v1/hospices/${hospiceId}/bed-status/confirm`, {
      headers: { Authorization: `Bearer ${token}` },
      data: {},
    });
    expect(refused.status()).toBe(401);
  });
});

test.describe('audit log', () => {
  test('the regisseur sees a change in the audit log of Utrecht and downloads the CSV', async ({
    page,
  }) => {
    // The region page shows no audit log to the public.
    await page.goto('/regio/ZK23');
    await expect(page.getByTestId('hospice-table')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Auditlog' })).toHaveCount(0);

    // The regisseur confirms the status of a hospice of the region, through the app.
    await page.getByTestId('sign-in-link').click();
    await signInWithForm(page, DEMO.regisseur);
    await expect(page).toHaveURL(/\/regio\/ZK23$/);
    const link = page.getByTestId('hospice-table').locator('tbody a[href^="/hospice/"]').first();
    const name = (await link.textContent())!;
    await link.click();
    await page.getByRole('button', { name: 'Klopt nog' }).click();
    await expect(page.getByTestId('status-message')).toHaveText('Bevestigd. Dank u wel.');

    await page
      .getByRole('navigation', { name: 'Kruimelpad' })
      .getByRole('link', { name: 'Utrecht' })
      .click();
    await revealDeferred(page);
    const log = page.getByTestId('audit-log');
    await expect(page.getByRole('heading', { name: 'Auditlog' })).toBeVisible();
    const first = log.getByTestId('audit-row').first();
    await expect(first).toContainText(DEMO.regisseur);
    await expect(first).toContainText('Regisseur ZK23');
    await expect(first).toContainText('Beddenstatus bevestigd');
    await expect(first).toContainText(name);
    await waitForData(page);
    await expectNoSeriousA11yViolations(page);

    const download = page.waitForEvent('download');
    await log.getByRole('link', { name: 'Download het auditlog als CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('auditlog.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv).toContain(DEMO.regisseur);
    expect(csv).toContain('ZK23');
  });

  test('the administrator sees every region at /beheer/auditlog, without token secrets', async ({
    page,
  }) => {
    await apiSignIn(page.request, DEMO.administrator);
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Auditlog' })
      .click();
    await expect(page).toHaveURL(/\/beheer\/auditlog$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Auditlog van alle regio’s');
    const rows = page.getByTestId('audit-row');
    await expect(rows.first()).toBeVisible();
    // The token made in the tokens test is in the log, without its secret.
    await expect(page.getByTestId('audit-table')).toContainText('API-token gemaakt');
    await expect(page.getByTestId('audit-table')).not.toContainText(/pm_[0-9a-f]{12}_/);
    await waitForData(page);
    await expectNoSeriousA11yViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page);
  });
});
