import { describe, expect, it } from 'vitest';
import { boundsOf, fitProjection, pathOf, ringsOf } from './projection';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [5, 52],
      [6, 52],
      [6, 53],
      [5, 53],
      [5, 52],
    ],
  ],
};

describe('projection', () => {
  it('fits the bounds inside the padded box with north up', () => {
    const bounds = boundsOf(ringsOf(square).flat())!;
    const p = fitProjection(bounds, 200, 10);
    const [xw, yn] = p.project([5, 53]);
    const [xe, ys] = p.project([6, 52]);
    expect(xw).toBeCloseTo(10);
    expect(xe).toBeCloseTo(190);
    expect(yn).toBeLessThan(ys);
    expect(yn).toBeGreaterThanOrEqual(9.9);
    expect(ys).toBeLessThanOrEqual(p.height - 9.9);
  });

  it('scales longitude by cos(latitude) so NL keeps its shape', () => {
    const p = fitProjection({ minLon: 5, maxLon: 6, minLat: 52, maxLat: 53 }, 200, 0);
    // One degree of longitude at 52.5° N is about 0.61 of one degree of latitude.
    expect(200 / p.height).toBeCloseTo(Math.cos((52.5 * Math.PI) / 180), 1);
  });

  it('pathOf draws one closed subpath per ring of a MultiPolygon', () => {
    const multi = { type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] };
    const p = fitProjection({ minLon: 5, maxLon: 6, minLat: 52, maxLat: 53 }, 100);
    const d = pathOf(multi, p);
    expect(d.match(/M/g)?.length).toBe(2);
    expect(d.endsWith('Z')).toBe(true);
  });

  it('ringsOf ignores points and lines', () => {
    expect(ringsOf({ type: 'Point', coordinates: [5, 52] })).toEqual([]);
    expect(ringsOf(null)).toEqual([]);
  });
});
