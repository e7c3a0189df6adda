import { expect, test, type Page } from '@playwright/test';
import { apiSignIn, DEMO, expectNoSeriousA11yViolations, VIEWPORTS } from './helpers';

// Every main page, signed out and signed in, in Dutch and in English: its first view needs at most
// three API requests, and axe-core finds no serious or critical violation.

const MAX_FIRST_VIEW_REQUESTS = 3;

interface Visit {
  readonly name: string;
  readonly path: (hospice: string) => string;
  readonly as?: keyof typeof DEMO;
}

const VISITS: readonly Visit[] = [
  { name: 'national overview', path: () => '/' },
  { name: 'region page', path: () => '/regio/ZK23' },
  { name: 'hospice page', path: (h) => `/hospice/${h}` },
  { name: 'bed finder', path: () => '/bedden' },
  { name: 'scenario explorer', path: () => '/scenario' },
  { name: 'bed plans of all regions', path: () => '/plannen' },
  { name: 'sign-in page', path: () => '/aanmelden' },
  { name: 'accessibility statement', path: () => '/toegankelijkheid' },
  { name: 'privacy statement', path: () => '/privacy' },
  { name: 'sources', path: () => '/bronnen' },
  { name: 'contact', path: () => '/contact' },
  { name: 'open data', path: () => '/open-data' },
  { name: 'organisation and funding', path: () => '/organisatie' },
  { name: 'page not found', path: () => '/bestaat-niet' },
  { name: 'overview, regisseur', path: () => '/', as: 'regisseur' },
  { name: 'region cockpit, regisseur', path: () => '/regio/ZK23', as: 'regisseur' },
  { name: 'hospice page, regisseur', path: (h) => `/hospice/${h}`, as: 'regisseur' },
  { name: 'bed finder, care professional', path: () => '/bedden', as: 'careProfessional' },
  { name: 'my hospices, editor', path: () => '/mijn-hospices', as: 'hospiceEditor' },
  { name: 'audit log, administrator', path: () => '/beheer/auditlog', as: 'administrator' },
];

/** Opens a page and answers the API requests it made until its first view was ready. */
async function openCounting(page: Page, path: string): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    // The live feed (server-sent events) keeps a page current; it is not needed to render it.
    if (url.pathname.startsWith('/api/') && request.resourceType() !== 'eventsource') {
      requests.push(url.pathname + url.search);
    }
  });
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[data-loading]')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  return requests;
}

let hospiceId = '';
test.beforeAll(async ({ request }) => {
  const list = await (await request.get('/api/v1/hospices?region=ZK23&limit=1')).json();
  hospiceId = (list.items as { id: string }[])[0]!.id;
});

for (const viewport of VIEWPORTS) {
  test.describe(`first view at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    for (const visit of VISITS) {
      test(`${visit.name}: at most ${MAX_FIRST_VIEW_REQUESTS} API requests`, async ({ page }) => {
        if (visit.as !== undefined) {
          await apiSignIn(page.request, DEMO[visit.as]);
        }
        const requests = await openCounting(page, visit.path(hospiceId));
        expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(MAX_FIRST_VIEW_REQUESTS);
      });
    }
  });
}

for (const lang of ['nl', 'en'] as const) {
  test.describe(`accessibility in ${lang}`, () => {
    for (const visit of VISITS) {
      test(`${visit.name}: no serious or critical axe violation`, async ({ page }) => {
        if (visit.as !== undefined) {
          await apiSignIn(page.request, DEMO[visit.as]);
        }
        await openCounting(page, `${visit.path(hospiceId)}?lang=${lang}`);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expectNoSeriousA11yViolations(page);
      });
    }
  });
}
