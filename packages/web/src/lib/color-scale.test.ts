import { describe, expect, it } from 'vitest';
import {
  DIVERGING,
  NO_DATA,
  SEQUENTIAL,
  contrastRatio,
  divergingScale,
  niceRound,
  sequentialScale,
  textColorOn,
} from './color-scale';

// What the map's legend relies on, whichever kind of scale colours the map.
describe.each([
  ['sequentialScale', sequentialScale],
  ['divergingScale', divergingScale],
])('%s', (_, scaleOf) => {
  it('has classes that touch and increase', () => {
    const scale = scaleOf([1, 5, 9, 13, 17, 21, 25, 29, 33, 37]);
    expect(scale.classes.length).toBeGreaterThan(1);
    for (let i = 1; i < scale.classes.length; i++) {
      expect(scale.classes[i]!.from).toBe(scale.classes[i - 1]!.to);
      expect(scale.classes[i]!.from).toBeGreaterThan(scale.classes[i - 1]!.from);
    }
  });

  it('gives the no-data colour to missing values', () => {
    expect(scaleOf([1, 2, 3]).colorOf(null)).toBe(NO_DATA);
    expect(scaleOf([]).classes).toEqual([]);
  });
});

describe('sequentialScale', () => {
  it('puts the smallest value in the lightest class and the largest in the darkest', () => {
    const values = Array.from({ length: 31 }, (_, i) => 2 + i * 0.1);
    const scale = sequentialScale(values);
    expect(scale.colorOf(2)).toBe(SEQUENTIAL[0]);
    expect(scale.colorOf(5)).toBe(SEQUENTIAL[4]);
    expect(scale.classes.length).toBe(5);
  });

  it('uses one dark class when all values are equal', () => {
    const scale = sequentialScale([4, 4, 4]);
    expect(scale.classes.length).toBe(1);
    expect(scale.colorOf(4)).toBe(SEQUENTIAL[4]);
  });
});

describe('divergingScale', () => {
  it('colours shortages orange, about-zero neutral and surpluses purple', () => {
    const scale = divergingScale([-20, -5, 0, 3, 15]);
    expect(scale.colorOf(-20)).toBe(DIVERGING[0]);
    expect(scale.colorOf(0)).toBe(DIVERGING[2]);
    expect(scale.colorOf(15)).toBe(DIVERGING[4]);
  });
});

describe('colour helpers', () => {
  it('niceRound keeps two significant digits', () => {
    expect(niceRound(3.417)).toBe(3.4);
    expect(niceRound(1234)).toBe(1200);
  });

  it('textColorOn picks the text colour with at least AA contrast on every scale colour', () => {
    for (const color of [...SEQUENTIAL, ...DIVERGING]) {
      expect(contrastRatio(color, textColorOn(color))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
