import { describe, expect, it } from 'vitest';
import { bedsInYear, planAgainstNeed, type BedPlanChange } from './bed-plan';

const today = '2026-03-10';
const change = (over: Partial<BedPlanChange>): BedPlanChange => ({
  kind: 'expand',
  beds: 4,
  effectiveOn: '2028-07-01',
  status: 'agreed',
  ...over,
});

describe('bedsInYear', () => {
  it('counts a change from the year it takes effect, not before', () => {
    const all = new Set(['planned', 'agreed', 'done'] as const);
    expect(bedsInYear(10, [change({})], 2027, today, all)).toBe(10);
    expect(bedsInYear(10, [change({})], 2028, today, all)).toBe(14);
    expect(bedsInYear(10, [change({})], 2050, today, all)).toBe(14);
  });

  it('subtracts shrinking and closing, and never goes below 0', () => {
    const all = new Set(['planned', 'agreed', 'done'] as const);
    const changes = [change({ kind: 'shrink', beds: 3 }), change({ kind: 'close', beds: 20 })];
    expect(bedsInYear(10, changes.slice(0, 1), 2030, today, all)).toBe(7);
    expect(bedsInYear(10, changes, 2030, today, all)).toBe(0);
  });

  it('leaves out changes dated today or earlier (already in the registry) and other statuses', () => {
    const agreed = new Set(['agreed'] as const);
    expect(bedsInYear(10, [change({ effectiveOn: today })], 2030, today, agreed)).toBe(10);
    expect(bedsInYear(10, [change({ status: 'planned' })], 2030, today, agreed)).toBe(10);
  });
});

describe('planAgainstNeed', () => {
  const need = [2027, 2028, 2029].map((year) => ({
    year,
    bedsNeeded: { p10: 12, p50: 13, p90: 15 },
  }));

  it('marks short below p10, within the band, and over above p90; ideas count nowhere', () => {
    const years = planAgainstNeed({
      currentBeds: 10,
      changes: [
        change({ effectiveOn: '2028-01-01', beds: 3, status: 'planned' }),
        change({ effectiveOn: '2029-01-01', beds: 3 }),
        change({ effectiveOn: '2027-05-01', beds: 50, status: 'idea' }),
      ],
      targets: [{ year: 2029, beds: 16 }],
      need,
      today,
    });
    expect(years.map((y) => [y.year, y.plannedBeds, y.agreedBeds, y.verdict])).toEqual([
      [2027, 10, 10, 'short'],
      [2028, 13, 10, 'within'],
      [2029, 16, 13, 'over'],
    ]);
    expect(years.map((y) => y.targetBeds)).toEqual([null, null, 16]);
    expect(years[2]!.difference).toBe(3);
  });
});
