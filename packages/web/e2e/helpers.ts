import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) and fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
}

/** The page is no wider than the viewport: nothing scrolls sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** Waits until no "Gegevens worden geladen…" status is left on the page. */
export async function waitForData(page: Page): Promise<void> {
  await expect(page.getByText('Gegevens worden geladen…')).toHaveCount(0, { timeout: 30_000 });
}

/** The demo accounts (seeded with the demo data; demo only). */
export const DEMO_PASSWORD = 'palliamonitor-demo';
export const DEMO = {
  administrator: 'beheerder@demo.palliamonitor.nl',
  regisseur: 'regisseur@demo.palliamonitor.nl',
  analyst: 'analist@demo.palliamonitor.nl',
  careProfessional: 'zorgverlener@demo.palliamonitor.nl',
  hospiceEditor: 'hospice@demo.palliamonitor.nl',
} as const;

export interface SignedIn {
  user: { email: string; name: string; roles: { role: string; scope: string | null }[] };
  csrfToken: string;
}

/**
 * Signs in through the API. The request context keeps the session cookie (page.request shares the
 * browser's cookies); writes must also send `headers: { 'X-CSRF-Token': csrfToken }`.
 */
export async function apiSignIn(request: APIRequestContext, email: string): Promise<SignedIn> {
  const response = await request.post('/api/v1/auth/sign-in', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as SignedIn;
}

/** Fills in and submits the sign-in form (the page must show it). */
export async function signInWithForm(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
}

/**
 * Opens an app page by client-side navigation from /. For pages the server does not yet answer
 * with index.html on a direct load (see the "direct load" test in auth.spec.ts).
 */
export async function openInApp(page: Page, path: string): Promise<void> {
  await page.goto('/');
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new Event('palliamonitor:navigate'));
  }, path);
}

/**
 * Gives a hospice of Utrecht (ZK23) with at least `free` + 1 licensed beds exactly `free` free
 * beds, confirmed now by the demo regisseur; answers the hospice.
 */
export async function hospiceWithFreeBeds(
  request: APIRequestContext,
  free: number,
): Promise<{ id: string; name: string; licensedBeds: number }> {
  const { csrfToken } = await apiSignIn(request, DEMO.regisseur);
  const list = await (await request.get('/api/v1/hospices?region=ZK23&limit=50')).json();
  const hospice = (list.items as { id: string; name: string; licensedBeds: number }[]).find(
    (h) => h.licensedBeds > free,
  )!;
  const put = await request.put(`/api/v1/hospices/${hospice.id}/bed-status`, {
    data: { bedsOpen: hospice.licensedBeds, bedsOccupied: hospice.licensedBeds - free },
    headers: { 'X-CSRF-Token': csrfToken },
  });
  expect(put.ok()).toBe(true);
  return hospice;
}

/** The two screens every journey is walked on: a phone and a desktop. */
export const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
] as const;

/**
 * Scrolls to every section that loads when it comes into view (see WhenVisible) until none is left
 * waiting and nothing on the page is still loading, as a reader scrolling down the page would. The
 * page's own data must be in first: before it, there is no section to scroll to.
 */
export async function revealDeferred(page: Page): Promise<void> {
  // Right after a load or reload the app may not have rendered yet, and an empty page has no
  // placeholder to count: wait for the page's heading first.
  await expect(page.locator('main h1').first()).toBeVisible({ timeout: 45_000 });
  // Both kinds are counted in one look at the page: counted one after the other, a section that
  // finished loading between the two looks was in neither (its placeholder appears as its loading
  // mark goes), and the page seemed done while a section below still waited for its scroll.
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          document.querySelector('[data-deferred]')?.scrollIntoView();
          return document.querySelectorAll('[data-deferred], [data-loading]').length;
        }),
      { timeout: 45_000 },
    )
    .toBe(0);
}
