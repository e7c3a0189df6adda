import { describe, expect, it } from 'vitest';
import { BASELINE, FIRST_YEAR, LAST_YEAR, forecast, valueAt } from '@palliamonitor/model';
import { buildScenario, impliedGrowth, sharePath } from './build-scenario';
import { parseSettings, settingsToSearch } from './scenario-url';

describe('scenario URL state', () => {
  it('round-trips every setting through the query string', () => {
    const settings = {
      scenarioId: 'professional-central',
      hospiceShare: 0.12,
      growth: 0.01,
      lengthOfStay: 20,
      targetRefusal: 0.05,
      pooling: 'region' as const,
      year: 2040,
    };
    const search = settingsToSearch(settings).toString();
    expect(search).toBe(
      's=professional-central&aandeel=12&groei=1&ligduur=20&weigering=5&pooling=region&jaar=2040',
    );
    expect(parseSettings(`?${search}`)).toEqual(settings);
  });

  it('clamps out-of-range values and drops malformed ones', () => {
    const s = parseSettings('?s=Bad%20Id&aandeel=90&ligduur=abc&pooling=everywhere&jaar=1999');
    expect(s).toEqual({ scenarioId: 'baseline', hospiceShare: 0.2, year: 2024 });
  });

  it('accepts a Dutch decimal comma', () => {
    expect(parseSettings('?aandeel=10,5').hospiceShare).toBeCloseTo(0.105);
  });
});

describe('buildScenario', () => {
  it('returns the scenario itself when no slider was moved', () => {
    expect(buildScenario(BASELINE, { scenarioId: 'baseline', year: 2040 })).toBe(BASELINE);
  });

  it('sets the hospice share path from a start share and a yearly growth', () => {
    const path = sharePath(0.1, 0.01);
    expect(valueAt({ path, year: FIRST_YEAR })).toBe(0.1);
    expect(valueAt({ path, year: LAST_YEAR })).toBeCloseTo(0.1 * 1.01 ** 26);
    expect(impliedGrowth(path)).toBeCloseTo(0.01);
  });

  it('keeps the median length of stay below the mean', () => {
    const s = buildScenario(BASELINE, { scenarioId: 'baseline', lengthOfStay: 30, year: 2040 });
    expect(valueAt({ path: s.parameters.losMean, year: 2030 })).toBe(30);
    expect(valueAt({ path: s.parameters.losMedian, year: 2030 })).toBeLessThan(30);
  });

  it('gives more beds for a longer stay (the model runs on the built scenario)', () => {
    const region = {
      code: 'ZK23',
      basePopulation: { '0-64': 1_000_000, '65-79': 200_000, '80+': 60_000 },
      hospiceBeds: [5, 6, 8, 4],
    };
    const beds = (los: number) =>
      forecast(
        region,
        buildScenario(BASELINE, { scenarioId: 'baseline', lengthOfStay: los, year: 2040 }),
        {
          from: 2040,
          to: 2040,
        },
      )[0]!.bedsNeededErlang;
    expect(beds(30)).toBeGreaterThan(beds(15));
  });
});
