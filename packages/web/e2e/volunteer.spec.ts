import { expect, test, type Page } from '@playwright/test';
import {
  apiSignIn,
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  signInWithForm,
} from './helpers';

// The hospice volunteer on a phone (and at a desk): from signing in to a confirmed status in one
// tap, the common changes in the first screen, a second tab that follows live, and changes that
// survive a lost connection.

const VIEWPORTS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

async function editorHospice(page: Page): Promise<string> {
  const { user } = await apiSignIn(page.request, DEMO.hospiceEditor);
  return user.roles.find((r) => r.role === 'hospice-editor')!.scope!;
}

const card = (page: Page) => page.getByTestId('status-update');
const message = (page: Page) => page.getByTestId('status-message');

/** Makes sure a bed is free and one is occupied, so both +1 and −1 are possible. */
async function roomBothWays(page: Page): Promise<void> {
  const occupied = Number(await page.getByTestId('beds-occupied').textContent());
  if (occupied === 0) {
    await page.getByRole('button', { name: 'Opname (+1 bezet)' }).click();
    await expect(message(page)).toHaveText('Opname opgeslagen.');
  }
  if ((await page.getByRole('button', { name: 'Opname (+1 bezet)' }).isDisabled()) === true) {
    await page.getByRole('button', { name: 'Vertrek (−1 bezet)' }).click();
    await expect(message(page)).toHaveText('Vertrek opgeslagen.');
  }
}

for (const viewport of VIEWPORTS) {
  test.describe(`volunteer at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('signs in, lands on the own status card, confirms in one tap; a second tab sees it live', async ({
      page,
      context,
    }) => {
      const { user } = await apiSignIn(page.request, DEMO.hospiceEditor);
      const hospiceId = user.roles.find((r) => r.role === 'hospice-editor')!.scope!;
      await context.clearCookies();

      await page.goto('/');
      await page.getByTestId('sign-in-link').click();
      await signInWithForm(page, DEMO.hospiceEditor);
      await expect(page).toHaveURL(new RegExp(`/hospice/${hospiceId}$`));
      const confirm = page.getByRole('button', { name: 'Klopt nog' });
      // The one tap and the common changes are in the first screen, without scrolling.
      for (const name of [
        'Klopt nog',
        'Opname (+1 bezet)',
        'Vertrek (−1 bezet)',
        'Opnamestop aanzetten',
        'Weigering (vol)',
        'Eén meer op de wachtlijst',
      ]) {
        const box = (await page.getByRole('button', { name }).boundingBox())!;
        expect(box.y + box.height, name).toBeLessThanOrEqual(viewport.height);
      }
      await confirm.click();
      await expect(message(page)).toHaveText('Bevestigd. Dank u wel.');
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);

      // A second tab on the same hospice follows the live feed.
      const other = await context.newPage();
      await other.goto(`/hospice/${hospiceId}`);
      await expect(other.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
      await roomBothWays(page);
      const before = Number(await page.getByTestId('beds-occupied').textContent());
      await expect(other.getByTestId('beds-occupied')).toHaveText(String(before));
      await page.getByRole('button', { name: 'Opname (+1 bezet)' }).click();
      await expect(message(page)).toHaveText('Opname opgeslagen.');
      await expect(other.getByTestId('beds-occupied')).toHaveText(String(before + 1));
      await other.close();
    });

    test('enters a refusal and the waiting list in the same card', async ({ page }) => {
      const hospiceId = await editorHospice(page);
      await page.goto(`/hospice/${hospiceId}`);
      await page.getByRole('button', { name: 'Weigering (vol)' }).click();
      await expect(message(page)).toHaveText('Weigering opgeslagen voor vandaag.');
      const waiting = page.getByTestId('waiting-list');
      const size = Number((await waiting.textContent())!.replace(/\D/g, ''));
      await page.getByRole('button', { name: 'Eén meer op de wachtlijst' }).click();
      await expect(message(page)).toHaveText('Wachtlijst opgeslagen.');
      await expect(waiting).toHaveText(`Wachtlijst: ${size + 1}`);
      const stored = await (
        await page.request.get(`/api/v1/hospices/${hospiceId}/waiting-list`)
      ).json();
      expect(stored.size).toBe(size + 1);
    });
  });
}

test.describe('volunteer: robust on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the admission stop is unmistakable and a tapped button keeps readable colours (touch)', async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    const hospiceId = await editorHospice(page);
    await page.goto(`/hospice/${hospiceId}`);
    expect(await page.evaluate(() => window.matchMedia('(hover: hover)').matches)).toBe(false);
    await expect(
      page.getByRole('button', { name: /^Opnamestop (aanzetten|opheffen)$/ }),
    ).toBeVisible();
    let on = page.getByRole('button', { name: 'Opnamestop aanzetten' });
    if ((await on.count()) === 0) {
      await page.getByRole('button', { name: 'Opnamestop opheffen' }).tap();
      await expect(message(page)).toHaveText('Opnamestop staat uit.');
      on = page.getByRole('button', { name: 'Opnamestop aanzetten' });
    }
    await on.tap();
    await expect(message(page)).toHaveText('Opnamestop staat aan.');
    await expect(page.getByTestId('stop-banner')).toContainText('Opnamestop');
    await expect(page.getByTestId('stop-banner')).toBeInViewport();
    const off = page.getByRole('button', { name: 'Opnamestop opheffen' });
    // After the tap the finger is gone: the button shows its own state, white on red.
    const colours = await off.evaluate((el) => {
      const style = getComputedStyle(el);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(colours).toEqual({ color: 'rgb(255, 255, 255)', background: 'rgb(213, 43, 30)' });
    await expectNoSeriousA11yViolations(page);
    await off.tap();
    await expect(message(page)).toHaveText('Opnamestop staat uit.');
    await expect(page.getByTestId('stop-banner')).toHaveCount(0);
    await context.close();
  });

  test('a change made offline is kept and sent when the connection returns', async ({
    page,
    context,
  }) => {
    const hospiceId = await editorHospice(page);
    await page.goto(`/hospice/${hospiceId}`);
    await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
    await roomBothWays(page);
    const occupied = Number(await page.getByTestId('beds-occupied').textContent());
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Opname (+1 bezet)' }).click();
    await expect(message(page)).toContainText('Uw wijziging is op dit apparaat bewaard');
    await expect(page.getByRole('button', { name: 'Opnieuw proberen' })).toBeVisible();
    await context.setOffline(false);
    await expect(message(page)).toHaveText('Opname opgeslagen.');
    await expect(page.getByTestId('beds-occupied')).toHaveText(String(occupied + 1));
    const status = await (
      await page.request.get(`/api/v1/hospices/${hospiceId}/bed-status`)
    ).json();
    expect(status.bedsOccupied).toBe(occupied + 1);
  });

  test('a kept change overtaken by someone else is refused clearly, not written over', async ({
    page,
    context,
    request,
  }) => {
    const hospiceId = await editorHospice(page);
    const other = await apiSignIn(request, DEMO.hospiceEditor);
    await page.goto(`/hospice/${hospiceId}`);
    await expect(page.getByTestId('live-state')).toHaveAttribute('data-state', 'live');
    await roomBothWays(page);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Vertrek (−1 bezet)' }).click();
    await expect(message(page)).toContainText('Uw wijziging is op dit apparaat bewaard');
    // Meanwhile a colleague confirms the status from another device.
    const confirmed = await request.post(`/api/v1/hospices/${hospiceId}/bed-status/confirm`, {
      headers: { 'X-CSRF-Token': other.csrfToken },
    });
    expect(confirmed.status()).toBe(200);
    await context.setOffline(false);
    await expect(message(page)).toHaveText(/Iemand anders heeft de status net gewijzigd/);
    await expect(page.getByRole('button', { name: 'Status opnieuw laden' })).toBeVisible();
  });

  test('with the live feed blocked it says so and offers a refresh, not "Verbinden…" for ever', async ({
    page,
  }) => {
    const hospiceId = await editorHospice(page);
    await page.route('**/api/v1/bed-status/stream**', (route) => route.abort());
    await page.goto(`/hospice/${hospiceId}`);
    const live = page.getByTestId('live-state');
    await expect(live).toHaveAttribute('data-state', 'offline');
    await expect(live).toContainText('Geen live verbinding.');
    await live.getByRole('button', { name: 'Nu verversen' }).click();
    await expect(card(page)).toBeVisible();
  });

  test('a failed load says what happened and offers a retry, never the server’s text', async ({
    page,
  }) => {
    const hospiceId = await editorHospice(page);
    let fail = true;
    // The page's first view (status card included) comes from one request: that one fails.
    await page.route(`**/api/v1/hospices/${hospiceId}/page`, (route) =>
      fail
        ? route.fulfill({
            status: 500,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              status: 500,
              title: 'Internal',
              detail: 'pg: relation exploded',
            }),
          })
        : route.continue(),
    );
    await page.goto(`/hospice/${hospiceId}`);
    const error = page
      .getByRole('alert')
      .filter({ hasText: 'De server kon dit nu niet afhandelen' });
    await expect(error).toBeVisible();
    await expect(page.getByText('relation exploded')).toHaveCount(0);
    fail = false;
    await error.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(page.getByRole('button', { name: 'Klopt nog' })).toBeVisible();
  });

  test('an editor of several hospices chooses one after signing in', async ({ page }) => {
    const list = await (await page.request.get('/api/v1/hospices?region=ZK23&limit=2')).json();
    const [a, b] = list.items as { id: string; name: string }[];
    // The account is given a second hospice in the answer to sign-in (the chooser reads it there).
    await page.route('**/api/v1/auth/sign-in', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      body.user.roles = [
        { role: 'hospice-editor', scope: a!.id },
        { role: 'hospice-editor', scope: b!.id },
      ];
      await route.fulfill({ response, json: body });
    });
    await page.goto('/aanmelden');
    await signInWithForm(page, DEMO.hospiceEditor);
    await expect(page).toHaveURL(/\/mijn-hospices$/);
    const chooser = page.getByTestId('my-hospices');
    await expect(chooser.getByRole('link')).toHaveCount(2);
    await chooser.getByRole('link', { name: b!.name }).click();
    await expect(page).toHaveURL(new RegExp(`/hospice/${b!.id}$`));
    await expect(card(page)).toBeVisible();
  });
});
