import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, revealDeferred } from './helpers';

// The viability signal on the region and hospice pages says what the API says.

const LABELS: Record<string, string> = {
  'under-occupied': 'Onderbezetting',
  'within-range': 'Binnen de marge',
  'over-occupied': 'Overbezetting',
  unknown: 'Onbekend',
};

test.describe('viability signal', () => {
  test('the region page shows the region signal, the count per signal and the thresholds', async ({
    page,
    request,
  }) => {
    const api = await (await request.get('/api/v1/regions/ZK23/viability')).json();
    await page.goto('/regio/ZK23');
    await revealDeferred(page);
    const section = page.getByTestId('viability');
    await expect(section.getByTestId('viability-signal')).toContainText(LABELS[api.signal]!, {
      timeout: 30_000,
    });
    const counts = section.getByTestId('viability-counts');
    const under = api.hospices.filter((h: { signal: string }) => h.signal === 'under-occupied');
    await expect(counts).toContainText(`${under.length} × Onderbezetting`);
    await expect(section).toContainText('Aannames, aan te passen: onder 60% is onderbezetting');
    if (under.length > 0) {
      await expect(section.getByTestId('viability-flagged')).toContainText(under[0].name);
    }
    await expectNoSeriousA11yViolations(page);
  });

  test('a hospice page shows its own signal', async ({ page, request }) => {
    const region = await (await request.get('/api/v1/regions/ZK23/viability')).json();
    const hospice = region.hospices[0];
    await page.goto(`/hospice/${hospice.hospiceId}`);
    await revealDeferred(page);
    await expect(page.getByTestId('viability-signal')).toContainText(LABELS[hospice.signal]!, {
      timeout: 30_000,
    });
    await expect(page.getByTestId('viability-counts')).toHaveCount(0);
  });
});
