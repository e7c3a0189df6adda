import { describe, expect, it } from 'vitest';
import { costPerBedDay, costPerGuest, defaultCostInputs, yearCost } from './cost';

describe('cost per guest and per bed-day', () => {
  it('€240 million ÷ 12,000 guests = €20,000 per guest; ÷ 22 days = €909.09 per bed-day', () => {
    expect(costPerGuest(240e6, 12_000)).toBe(20_000);
    expect(costPerBedDay(20_000, 22)).toBeCloseTo(909.0909, 4);
  });

  it('the default inputs say where each comes from, derived values as derived', () => {
    const inputs = defaultCostInputs();
    const byName = Object.fromEntries(inputs.map((i) => [i.name, i]));
    expect(byName['hospiceCost2024']!.value).toBe(240e6);
    expect(byName['hospiceCost2024']!.source).toContain('Gupta');
    expect(byName['hospiceCost2024']!.source).toContain('https://');
    expect(byName['costPerGuest']!.value).toBe(20_000);
    expect(byName['costPerGuest']!.source).toMatch(/^derived/);
    expect(byName['costPerBedDay']!.value).toBeCloseTo(909.0909, 4);
    expect(byName['costPerBedDay']!.source).toMatch(/^derived/);
    for (const input of inputs) {
      expect(['measured', 'imported', 'assumed']).toContain(input.provenance);
    }
  });

  it('refuses no guests and a stay of 0', () => {
    expect(() => costPerGuest(1, 0)).toThrow('invalid guests: 0');
    expect(() => costPerBedDay(1, 0)).toThrow('invalid meanStayDays: 0');
  });
});

describe('yearCost', () => {
  it('12,000 requests × 22 days = 723.3 erlangs = 264,000 bed-days, at €909.09 = €240 million', () => {
    const offeredLoad = (12_000 * 22) / 365;
    const figures = yearCost({ year: 2024, offeredLoad }, 20_000 / 22);
    expect(figures.bedDays).toBeCloseTo(264_000, 6);
    expect(figures.cost).toBeCloseTo(240e6, 2);
    expect(figures.bedDaysCurrentBeds).toBeNull();
    expect(figures.costCurrentBeds).toBeNull();
  });

  it('today’s beds carry the requests they do not refuse', () => {
    const figures = yearCost({ year: 2030, offeredLoad: 10, refusalShareCurrentBeds: 0.2 }, 1000);
    expect(figures.bedDays).toBe(3650);
    expect(figures.cost).toBe(3_650_000);
    expect(figures.bedDaysCurrentBeds).toBeCloseTo(2920, 9);
    expect(figures.costCurrentBeds).toBeCloseTo(2_920_000, 6);
  });

  it('refuses a negative cost per bed-day', () => {
    expect(() => yearCost({ year: 2030, offeredLoad: 1 }, -1)).toThrow('invalid costPerBedDay: -1');
  });
});
