import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capacity } from '../src/capacity';
import { computeFigures } from '../src/figures';
import { nationalCapacity } from '../src/national-capacity';
import { overviewFigures, type OverviewPopulation } from '../src/overview';
import { BASELINE } from '../src/scenarios';
import { CAPACITY_OPTIONS, CAPACITY_REGIONS, FIGURES_INPUT, OVERVIEW_INPUT } from './golden/inputs';

// Approved outputs: fixed inputs (golden/inputs.ts) and the figures they gave when these
// computations moved into the model. A deliberate change of a figure updates the JSON with it.
const approved = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./golden/${name}.json`, import.meta.url), 'utf8'));

describe('nationalCapacity', () => {
  it('sums three regions, each pooled apart, into the approved national detail', () => {
    const details = CAPACITY_REGIONS.map((r) => capacity(r, BASELINE, CAPACITY_OPTIONS));
    expect(nationalCapacity(details)).toEqual(approved('national-capacity'));
  });

  it('of one region is that region under the code NL', () => {
    const only = capacity(CAPACITY_REGIONS[0]!, BASELINE, CAPACITY_OPTIONS);
    const nation = nationalCapacity([only]);
    expect({ ...nation, code: only.code, byPooling: only.byPooling }).toEqual(only);
    expect(nation.byPooling.region.bedsNeeded).toBe(only.byPooling.region.bedsNeeded);
    expect(nation.byPooling.region.pools).toEqual([]);
  });

  it('refuses no regions at all', () => {
    expect(() => nationalCapacity([])).toThrow('invalid details: no region');
  });
});

describe('computeFigures', () => {
  it('gives the approved month and day figures for two hospices (events and returns)', () => {
    expect(computeFigures(FIGURES_INPUT)).toEqual(approved('figures-month'));
  });

  it('gives the approved year figures without days', () => {
    expect(computeFigures({ ...FIGURES_INPUT, period: 'year', daily: false })).toEqual(
      approved('figures-year'),
    );
  });
});

describe('overviewFigures', () => {
  it('gives the approved figures when one region lacks population (national population null)', () => {
    const { regions, population, beds } = OVERVIEW_INPUT;
    expect(overviewFigures(regions, population, beds)).toEqual(approved('overview'));
  });

  it('gives the approved national sums when every region has population', () => {
    const { regions, beds } = OVERVIEW_INPUT;
    const population = new Map<string, OverviewPopulation>(OVERVIEW_INPUT.population);
    population.set('ZK03', { total: 146_000, '65-79': 20_000, '80+': 6_000, year: 2025 });
    expect(overviewFigures(regions, population, beds)).toEqual(approved('overview-complete'));
  });
});
