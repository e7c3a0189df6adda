import { expect, test } from '@playwright/test';
import {
  apiSignIn,
  DEMO,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  hospiceWithFreeBeds,
  waitForData,
} from './helpers';

interface FinderHospice {
  id: string;
  bedsFree: number | null;
}

test.describe('bed finder /bedden', () => {
  test('finds free beds near a place and updates live when a status update arrives', async ({
    page,
    request,
  }) => {
    // The API writes are made as the regisseur of Utrecht (session cookie + CSRF token).
    const { csrfToken } = await apiSignIn(request, DEMO.regisseur);
    const headers = { 'X-CSRF-Token': csrfToken };
    // Make sure one hospice near Utrecht has a fresh status with free beds.
    const list = await (await request.get('/api/v1/hospices?region=ZK23&limit=50')).json();
    const hospice = list.items.find((h: { licensedBeds: number }) => h.licensedBeds >= 4);
    const put = await request.put(`/api/v1/hospices/${hospice.id}/bed-status`, {
      data: { bedsOpen: hospice.licensedBeds, bedsOccupied: hospice.licensedBeds - 3 },
      headers,
    });
    expect(put.ok()).toBe(true);

    await page.goto('/bedden');
    await page.getByTestId('near-input').fill('Utrecht');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page).toHaveURL(/bij=Utrecht/);
    const card = page.locator(`[data-hospice-id="${hospice.id}"]`);
    await expect(card.getByTestId('free-count')).toContainText('3');
    await expect(page.getByText('Live: wijzigingen verschijnen vanzelf')).toBeVisible();
    // Anonymous visitors get no phone numbers, and are told so.
    await expect(page.getByTestId('phone-hint')).toContainText('Telefoonnummers');

    // A status update through the API reaches the open page without a reload.
    const second = await request.put(`/api/v1/hospices/${hospice.id}/bed-status`, {
      data: { bedsOpen: hospice.licensedBeds, bedsOccupied: hospice.licensedBeds - 1 },
      headers,
    });
    expect(second.ok()).toBe(true);
    await expect(card.getByTestId('free-count')).toContainText('1');
    const third = await request.put(`/api/v1/hospices/${hospice.id}/bed-status`, {
      data: { bedsOpen: hospice.licensedBeds, bedsOccupied: hospice.licensedBeds },
      headers,
    });
    expect(third.ok()).toBe(true);
    // A full hospice stays in the list, marked full, so the nurse can still call it.
    await expect(card.getByTestId('bed-status')).toContainText('Vol');
    await expect(card.getByTestId('free-count')).toHaveCount(0);

    const result = await (await request.get('/api/v1/beds/available?near=Utrecht')).json();
    const free = result.available as FinderHospice[];
    expect(free.every((h) => h.bedsFree !== null && h.bedsFree > 0)).toBe(true);
    await waitForData(page);
    await expectNoSeriousA11yViolations(page);
  });

  test('finds free beds near a postcode, nearest first', async ({ page, request }) => {
    const hospice = await hospiceWithFreeBeds(request, 2);
    await page.goto('/bedden');
    await page.getByTestId('near-input').fill('3511 AB');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const card = page.locator(`[data-hospice-id="${hospice.id}"]`);
    await expect(card.getByTestId('free-count')).toContainText('2');
    // The API answers the same search nearest first.
    const found = await (await request.get('/api/v1/beds/available?near=3511&radiusKm=40')).json();
    const distances = found.available.map((h: { distanceKm: number }) => h.distanceKm);
    expect(distances.length).toBeGreaterThan(0);
    expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b));
  });

  test('every Dutch postcode works out of the box, from the shipped PC4 centroids', async ({
    page,
  }) => {
    // Nothing was imported before the server started: Maastricht and Groningen come from the
    // centroids that ship with the reference data.
    for (const [postcode, place] of [
      ['6211', 'Maastricht'],
      ['9711', 'Groningen'],
    ] as const) {
      await page.goto(`/bedden?bij=${postcode}`);
      await expect(
        page.getByRole('heading', { name: `Vrije bedden bij ${postcode} ${place}` }),
      ).toBeVisible();
    }
  });

  test('an anonymous write through the API is refused with 401 problem+json', async ({
    request,
  }) => {
    const list = await (await request.get('/api/v1/hospices?region=ZK23&limit=1')).json();
    const put = await request.put(`/api/v1/hospices/${list.items[0].id}/bed-status`, {
      data: { bedsOpen: 1, bedsOccupied: 0 },
    });
    expect(put.status()).toBe(401);
    expect(put.headers()['content-type']).toContain('application/problem+json');
  });

  test('at 360 px wide nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/bedden?bij=Utrecht');
    await waitForData(page);
    await expectNoHorizontalScroll(page);
  });
});
