import { describe, expect, it } from 'vitest';
import { DEFAULT_VIABILITY_THRESHOLDS, viability, type ViabilityMonth } from './viability';

/** A 30-day month of a 6-bed house with the given occupied bed-days. */
function month(
  bedDays: number,
  source: ViabilityMonth['source'],
  fresh: number | null = 1,
): ViabilityMonth {
  return {
    days: 30,
    bedDays: source === 'none' ? 0 : bedDays,
    bedDaysAvailable: source === 'none' ? 0 : 180,
    source,
    freshDataShare: fresh,
  };
}

describe('viability', () => {
  it('occupancy over the months with data decides: 90 of 180 bed-days a month is 50%', () => {
    const result = viability(Array.from({ length: 12 }, () => month(90, 'events')));
    expect(result.occupancy).toBe(0.5);
    expect(result.signal).toBe('under-occupied');
    expect(result.label).toBe('onderbezetting');
    expect(result.dataShare).toBe(1);
    expect(result.days).toBe(360);
  });

  it('60% and 90% themselves are within range; above 90% is over-occupancy', () => {
    expect(viability([month(108, 'return')]).signal).toBe('within-range');
    expect(viability([month(162, 'return')]).signal).toBe('within-range');
    const full = viability([month(170, 'return')]);
    expect(full.signal).toBe('over-occupied');
    expect(full.label).toBe('overbezetting');
  });

  it('too few days with data is unknown, not a false signal', () => {
    // Four months from events with a fresh status on half the days, eight months without data:
    // 4 × 30 × 0.5 = 60 of 360 days.
    const months = [
      ...Array.from({ length: 4 }, () => month(30, 'events', 0.5)),
      ...Array.from({ length: 8 }, () => month(0, 'none', null)),
    ];
    const result = viability(months);
    expect(result.dataShare).toBeCloseTo(60 / 360, 12);
    expect(result.occupancy).toBeCloseTo(120 / 720, 12);
    expect(result.signal).toBe('unknown');
    expect(result.label).toBe('onbekend');
    // With a lower bar the same data gives its signal.
    expect(viability(months, { ...DEFAULT_VIABILITY_THRESHOLDS, minDataShare: 0.1 }).signal).toBe(
      'under-occupied',
    );
  });

  it('a monthly return covers its whole month; no months at all is unknown', () => {
    expect(viability([month(150, 'return', 0)]).dataShare).toBe(1);
    const none = viability([]);
    expect(none).toMatchObject({ signal: 'unknown', occupancy: null, dataShare: 0 });
  });

  it('thresholds are adjustable and checked', () => {
    const months = [month(120, 'events')];
    expect(viability(months).signal).toBe('within-range');
    expect(viability(months, { under: 0.7, over: 0.95, minDataShare: 0.5 }).signal).toBe(
      'under-occupied',
    );
    expect(() => viability(months, { under: 0.9, over: 0.6, minDataShare: 0.5 })).toThrow(
      'invalid under: 0.9',
    );
    expect(() => viability(months, { under: 0.5, over: 1.2, minDataShare: 0.5 })).toThrow(
      'invalid over: 1.2',
    );
  });
});
