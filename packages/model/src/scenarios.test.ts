import { describe, expect, it } from 'vitest';
import {
  BASELINE,
  NUMERIC_PARAMETERS,
  PROFESSIONAL_CENTRAL,
  SCENARIOS,
  poolingAt,
  valueAt,
} from './scenarios';
import { compareScenarios, parseScenario } from './scenario-checks';

/** A deep copy as plain JSON, as a scenario arrives over the API. */
function asJson(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

describe('built-in scenarios', () => {
  it('are the baseline and the three RIVM scenarios, version 1, with values at 2024 and 2050', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([
      'baseline',
      'community-central',
      'individual-central',
      'professional-central',
    ]);
    for (const s of SCENARIOS) {
      expect(s.version).toBe(1);
      for (const key of NUMERIC_PARAMETERS) {
        const points = s.parameters[key].points;
        expect(points[0]!.year).toBe(2024);
        expect(points.at(-1)!.year).toBe(2050);
      }
    }
  });

  it('mark every value as sourced (with a source) or as an assumption', () => {
    for (const s of SCENARIOS) {
      for (const key of [...NUMERIC_PARAMETERS, 'pooling'] as const) {
        for (const p of s.parameters[key].points) {
          expect(['sourced', 'assumption']).toContain(p.basis);
          if (p.basis === 'sourced') {
            expect(p.source?.length).toBeGreaterThan(10);
          }
        }
      }
      // The RIVM scenarios are qualitative: their 2050 values are assumptions.
      if (s.id !== 'baseline') {
        expect(s.parameters.hospiceShare.points.at(-1)!.basis).toBe('assumption');
      }
    }
  });

  it('all pass their own validator', () => {
    for (const s of SCENARIOS) {
      expect(parseScenario(asJson(s))).toEqual({ ok: true, scenario: s });
    }
  });
});

describe('paths', () => {
  it('valueAt is linear between points and constant outside', () => {
    const path = PROFESSIONAL_CENTRAL.parameters.losMean;
    expect(valueAt({ path, year: 2024 })).toBe(22);
    expect(valueAt({ path, year: 2037 })).toBeCloseTo(22 + (18 - 22) * (13 / 26), 12);
    expect(valueAt({ path, year: 2050 })).toBe(18);
    expect(
      valueAt({ path: { points: [{ year: 2030, value: 3, basis: 'assumption' }] }, year: 2024 }),
    ).toBe(3);
  });

  it('poolingAt steps at each point year', () => {
    const path = PROFESSIONAL_CENTRAL.parameters.pooling;
    expect(poolingAt({ path, year: 2039 })).toBe('cluster');
    expect(poolingAt({ path, year: 2040 })).toBe('region');
    expect(poolingAt({ path, year: 2045 })).toBe('region');
  });
});

describe('parseScenario', () => {
  it('lists every issue with its path instead of throwing', () => {
    const raw = asJson(BASELINE);
    raw.id = 'My Scenario';
    raw.version = 2;
    const parameters = raw.parameters as Record<string, { points: Record<string, unknown>[] }>;
    parameters.hospiceShare!.points[0]!.value = 1.5;
    parameters.losMean!.points[1]!.value = 0;
    parameters.targetRefusal!.points[0]!.value = 1;
    parameters.expectedShare!.points[1]!.year = 2051;
    parameters.pooling!.points[0]!.value = 'national';
    parameters.occupancyNorm!.points[0]!.source = '';
    const result = parseScenario(raw);
    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    expect(result.issues.map((i) => i.path)).toEqual([
      'id',
      'version',
      'parameters.expectedShare.points[1].year',
      'parameters.hospiceShare.points[0].value',
      'parameters.losMean.points[1].value',
      'parameters.targetRefusal.points[0].value',
      'parameters.occupancyNorm.points[0].source',
      'parameters.pooling.points[0].value',
    ]);
    expect(result.issues[3]!.message).toBe('must be a share within [0, 1]');
  });

  it('rejects a median length of stay above the mean, years out of order and bad distributions', () => {
    const raw = asJson(BASELINE);
    const parameters = raw.parameters as Record<string, { points: Record<string, unknown>[] }>;
    parameters.losMedian!.points[1]!.value = 30;
    parameters.hospiceShare!.points[1]!.year = 2024;
    (raw.uncertainty as Record<string, Record<string, unknown>>).losMean!.min = 2;
    const result = parseScenario(raw);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      'parameters.hospiceShare.points[1].year',
      'parameters.losMedian',
      'uncertainty.losMean',
    ]);
  });

  it('rejects non-objects', () => {
    expect(parseScenario(null)).toEqual({
      ok: false,
      issues: [{ path: '', message: 'must be an object' }],
    });
  });
});

describe('compareScenarios', () => {
  it('lists the parameter differences per year', () => {
    const diff = compareScenarios(BASELINE, PROFESSIONAL_CENTRAL);
    const share = BASELINE.parameters.hospiceShare.points[0]!.value;
    expect(diff).toContainEqual({
      parameter: 'hospiceShare',
      year: 2050,
      a: share,
      b: share * 1.25,
    });
    expect(diff).toContainEqual({ parameter: 'pooling', year: 2040, a: 'cluster', b: 'region' });
    expect(diff.some((d) => d.parameter === 'hospiceShare' && d.year === 2024)).toBe(false);
    expect(diff.some((d) => d.parameter === 'occupancyNorm')).toBe(false);
  });

  it('finds no differences between a scenario and itself', () => {
    expect(compareScenarios(BASELINE, BASELINE)).toEqual([]);
  });
});
