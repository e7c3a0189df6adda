import { expect, test, type Page } from '@playwright/test';
import {
  apiSignIn,
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  hospiceWithFreeBeds,
  signInWithForm,
  VIEWPORTS,
  waitForData,
} from './helpers';

// The transfer nurse or GP: find a bed near the patient's home, see every hospice around with its
// state, and call one. The regisseur fills in the contact details the nurse needs.

async function search(page: Page, near: string): Promise<void> {
  await page.getByTestId('near-input').fill(near);
  await page.getByRole('button', { name: 'Zoeken' }).click();
}

for (const viewport of VIEWPORTS) {
  test.describe(`transfer nurse at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('postcode 3511 finds beds: the list first, every hospice around with its state', async ({
      page,
      request,
    }) => {
      // One hospice of Utrecht with free beds, confirmed now.
      const hospice = await hospiceWithFreeBeds(request, 2);

      await page.goto('/bedden');
      await search(page, '3511');
      await expect(
        page.getByRole('heading', { name: 'Vrije bedden bij 3511 Utrecht' }),
      ).toBeVisible();
      const results = page.getByTestId('bed-results');
      const card = results.locator(`[data-hospice-id="${hospice.id}"]`);
      await expect(card.getByTestId('free-count')).toContainText('2 vrije bedden');
      // Who confirmed, as a kind of role, never an e-mail address.
      await expect(card).toContainText('door regisseur');
      await expect(results).not.toContainText('@');
      // The list comes before the map.
      const listTop = (await results.boundingBox())!.y;
      const mapTop = (await page.getByRole('heading', { name: 'Op de kaart' }).boundingBox())!.y;
      expect(listTop).toBeLessThan(mapTop);
      // Every hospice within the radius is listed, whatever its state.
      const found = await (
        await request.get('/api/v1/beds/available?near=3511&radiusKm=25')
      ).json();
      await expect(results.locator('> li')).toHaveCount(found.hospices.length);
      const states = await results
        .locator('> li')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-status')));
      expect(new Set(states).size).toBeGreaterThan(1);
      // Dutch plurals from Intl.PluralRules: "1 vrij bed", "2 vrije bedden".
      await expect(page.getByTestId('beds-summary')).toHaveText(
        /^\d+ vrije? bed(den)? in \d+ hospices? binnen 25 km\./,
      );
      await waitForData(page);
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);
    });
  });
}

const CRITERIA =
  'Opname na verwijzing door huisarts of specialist; levensverwachting korter dan drie maanden.';

test.describe('transfer nurse: places and contact details', () => {
  test('place search knows Den Bosch, asks which Bergen, and suggests Zwolle for "Zwole"', async ({
    page,
  }) => {
    await page.goto('/bedden');
    await search(page, 'Den Bosch');
    await expect(
      page.getByRole('heading', { name: "Vrije bedden bij 's-Hertogenbosch" }),
    ).toBeVisible();

    await search(page, 'Bergen');
    const problem = page.getByTestId('place-problem');
    await expect(problem).toContainText('Welke plaats bedoelt u?');
    await expect(problem.getByRole('button')).toHaveText(['Bergen (NH)', 'Bergen L']);
    await problem.getByRole('button', { name: 'Bergen L' }).click();
    await expect(page).toHaveURL(/bij=Bergen\+L/);
    await expect(page.getByRole('heading', { name: 'Vrije bedden bij Bergen L' })).toBeVisible();

    await search(page, 'Zwole');
    await expect(page.getByTestId('place-problem')).toContainText('Bedoelt u:');
    await page.getByTestId('place-problem').getByRole('button', { name: 'Zwolle' }).click();
    await expect(page.getByRole('heading', { name: 'Vrije bedden bij Zwolle' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('the regisseur fills in a phone number; a signed-in care professional sees it, the public does not', async ({
    page,
    browser,
  }) => {
    // A long journey (an editor, then a care professional at two sizes, then the public): more
    // time on a busy machine, not a speed check.
    test.slow();
    const list = await (await page.request.get('/api/v1/hospices?region=ZK23&limit=50')).json();
    const hospice = list.items.find((h: { licensedBeds: number }) => h.licensedBeds >= 2);
    const phone = '030-0000' + String(Math.floor(Math.random() * 900) + 100);
    await page.goto(`/hospice/${hospice.id}`);
    await page.getByTestId('sign-in-link').click();
    await signInWithForm(page, DEMO.regisseur);
    await expect(page).toHaveURL(new RegExp(`/hospice/${hospice.id}$`));
    const contact = page.getByTestId('contact-details');
    await contact.getByRole('button', { name: 'Contactgegevens wijzigen' }).click();
    await contact.getByLabel('Telefoonnummer voor verwijzers').fill(phone);
    await contact.getByLabel('Website').fill('https://hospice.example.nl');
    await contact.getByLabel('Opnamecriteria').fill(CRITERIA);
    await contact.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByTestId('contact-saved')).toBeVisible();
    await expect(contact).toContainText(phone);
    await expect(contact.getByTestId('admission-criteria')).toContainText(CRITERIA);
    // A wrong value is refused with the field named, and nothing changes.
    await contact.getByRole('button', { name: 'Contactgegevens wijzigen' }).click();
    await contact.getByLabel('Website').fill('hospice.example.nl');
    await contact.getByRole('button', { name: 'Opslaan' }).click();
    await expect(contact.getByRole('alert')).toContainText('website');
    await contact.getByRole('button', { name: 'Annuleren' }).click();
    // Criteria that name a guest are refused too: no patient data in free text.
    await contact.getByRole('button', { name: 'Contactgegevens wijzigen' }).click();
    await contact.getByLabel('Opnamecriteria').fill('Bed vrijgehouden voor mevr. De Vries');
    await contact.getByRole('button', { name: 'Opslaan' }).click();
    await expect(contact.getByRole('alert')).toContainText('opnamecriteria');
    await contact.getByRole('button', { name: 'Annuleren' }).click();
    await expect(contact.getByTestId('admission-criteria')).toContainText(CRITERIA);
    await expectNoSeriousA11yViolations(page);

    // The bed is free now, so it is in the finder.
    const { csrfToken } = await apiSignIn(page.request, DEMO.regisseur);
    const put = await page.request.put(`/api/v1/hospices/${hospice.id}/bed-status`, {
      data: { bedsOpen: hospice.licensedBeds, bedsOccupied: hospice.licensedBeds - 1 },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(put.ok()).toBe(true);

    // On a phone and at a desk, the care professional sees the number to call and the criteria.
    for (const viewport of VIEWPORTS) {
      const professional = await browser.newContext({ viewport });
      const nurse = await professional.newPage();
      await nurse.goto('/aanmelden?terug=%2Fbedden%3Fbij%3D3511');
      await signInWithForm(nurse, DEMO.careProfessional);
      const card = nurse.locator(`[data-hospice-id="${hospice.id}"]`);
      await expect(card.getByTestId('phone')).toHaveText(phone);
      await expect(card.getByTestId('phone')).toHaveAttribute(
        'href',
        `tel:${phone.replace(/-/g, '')}`,
      );
      await expect(card.getByTestId('contact')).toContainText('hospice.example.nl');
      await expect(card.getByTestId('admission-criteria')).toContainText(CRITERIA);
      await expectNoSeriousA11yViolations(nurse);
      await professional.close();
    }

    const anonymous = await browser.newContext();
    const visitor = await anonymous.newPage();
    await visitor.goto('/bedden?bij=3511');
    await expect(visitor.locator(`[data-hospice-id="${hospice.id}"]`)).toBeVisible();
    await expect(visitor.getByText(phone)).toHaveCount(0);
    await anonymous.close();
  });

  test('in English the plurals follow the language', async ({ page }) => {
    await page.goto('/bedden?bij=3511&lang=en');
    await expect(page.getByTestId('beds-summary')).toHaveText(
      /^\d+ free beds? in \d+ hospices? within 25 km\./,
    );
    await expectNoSeriousA11yViolations(page);
  });
});
