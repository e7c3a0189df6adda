import { describe, expect, it } from 'vitest';
import { linear, niceTicks } from './scale';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(0, 97)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(2024, 2050, 5)).toEqual([2020, 2030, 2040, 2050]);
  });

  it('handles an empty range', () => {
    expect(niceTicks(5, 5).length).toBeGreaterThan(1);
  });
});

describe('linear', () => {
  it('maps the domain onto the range, inverted for SVG y', () => {
    const y = linear([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(50)).toBe(100);
  });
});
