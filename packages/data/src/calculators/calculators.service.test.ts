import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { runNorm } from './calculators.service';
import { parseParams } from './params';
import { COVID_YEARS, deathsSeasonalProfile } from './simulation.service';

describe('the seasonal profile of the CBS weekly deaths 2014–2025', () => {
  const profile = deathsSeasonalProfile();

  it('uses the complete ISO years without the COVID years', () => {
    expect(profile.years).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2023, 2024]);
    for (const year of COVID_YEARS) {
      expect(profile.years).not.toContain(year);
    }
  });

  it('peaks in winter and is lowest in summer, by about ±11%', () => {
    const { monthly } = profile;
    expect(monthly).toHaveLength(12);
    const high = monthly.indexOf(Math.max(...monthly));
    const low = monthly.indexOf(Math.min(...monthly));
    expect([0, 1]).toContain(high); // January or February
    expect([6, 7]).toContain(low); // July or August
    expect(monthly[0]).toBeGreaterThan(1.1);
    expect(monthly[7]).toBeLessThan(0.93);
    expect(profile.amplitude).toBeGreaterThan(0.08);
    expect(profile.amplitude).toBeLessThan(0.14);
    expect(profile.peakWeek).toBeGreaterThanOrEqual(1);
    expect(profile.peakWeek).toBeLessThanOrEqual(8);
  });
});

describe('parseParams', () => {
  const specs = {
    beds: { kind: 'integer', minimum: 1, required: true, description: '' },
    stays: { kind: 'list', exclusiveMinimum: 0, maxItems: 3, description: '' },
  } as const;

  it('takes strings (command line, query) and numbers (JSON) alike', () => {
    expect(parseParams(specs, { beds: '4', stays: '1, 2.5' })).toEqual({
      beds: 4,
      stays: [1, 2.5],
    });
    expect(parseParams(specs, { beds: 4, stays: [3] })).toEqual({ beds: 4, stays: [3] });
  });

  it('reports every failing field at once, with the names the caller used', () => {
    try {
      parseParams(specs, { beds: '0', stays: '1,2,3,4', extra: '1' }, (n) => `--${n}`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).issues.map((i) => [i.field, i.code])).toEqual([
        ['--extra', 'schema.additionalProperties'],
        ['--beds', 'schema.minimum'],
        ['--stays', 'schema.maxItems'],
      ]);
    }
  });

  it('does not read an empty or blank value as 0', () => {
    expect(() => runNorm({ admissions: ' ', los: '22', occupancy: '0.8' })).toThrow(AppError);
    expect(() => runNorm({ admissions: '7500', los: '22', occupancy: 'Infinity' })).toThrow(
      AppError,
    );
  });
});
