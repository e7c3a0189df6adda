// A small projection for the Netherlands, so the app needs no mapping library: equirectangular with
// longitude scaled by cos(mid-latitude). Over NL's 3° of latitude this differs from a conformal
// projection by under 2%, invisible on a thematic map.

export type Position = readonly [number, number];

export interface Geometry {
  readonly type: string;
  readonly coordinates?: unknown;
}

export interface Feature {
  readonly type: 'Feature';
  readonly properties: Readonly<Record<string, unknown>> | null;
  readonly geometry: Geometry | null;
}

export interface Bounds {
  readonly minLon: number;
  readonly maxLon: number;
  readonly minLat: number;
  readonly maxLat: number;
}

/** The rings of a Polygon or MultiPolygon (other geometries have none). */
export function ringsOf(geometry: Geometry | null): Position[][] {
  if (geometry === null) {
    return [];
  }
  if (geometry.type === 'Polygon') {
    return geometry.coordinates as Position[][];
  }
  if (geometry.type === 'MultiPolygon') {
    return (geometry.coordinates as Position[][][]).flat();
  }
  return [];
}

export function boundsOf(points: Iterable<Position>): Bounds | null {
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  return Number.isFinite(minLon) ? { minLon, maxLon, minLat, maxLat } : null;
}

export interface Projection {
  readonly width: number;
  readonly height: number;
  project(position: Position): [number, number];
}

/**
 * Fits the bounds into a box `width` wide (height follows the aspect ratio) with `padding` pixels
 * on every side. North is up. A zero-size bounds (one point) is widened to about 10 km.
 */
export function fitProjection(bounds: Bounds, width: number, padding = 8): Projection {
  const midLat = (bounds.minLat + bounds.maxLat) / 2;
  const kx = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max((bounds.maxLon - bounds.minLon) * kx, 0.1);
  const spanY = Math.max(bounds.maxLat - bounds.minLat, 0.1);
  const scale = (width - 2 * padding) / spanX;
  const height = Math.ceil(spanY * scale + 2 * padding);
  const cx = (bounds.minLon + bounds.maxLon) / 2;
  const cy = (bounds.minLat + bounds.maxLat) / 2;
  return {
    width,
    height,
    project: ([lon, lat]) => [width / 2 + (lon - cx) * kx * scale, height / 2 - (lat - cy) * scale],
  };
}

/** SVG path data of a Polygon/MultiPolygon, coordinates rounded to 0.1 px to keep the DOM small. */
export function pathOf(geometry: Geometry | null, projection: Projection): string {
  const parts: string[] = [];
  for (const ring of ringsOf(geometry)) {
    let d = '';
    ring.forEach((position, i) => {
      const [x, y] = projection.project(position);
      d += `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    });
    if (d !== '') {
      parts.push(`${d}Z`);
    }
  }
  return parts.join('');
}

/** Area-weighted centre of the largest ring, for placing a label. */
export function labelPoint(geometry: Geometry | null): Position | null {
  let best: Position[] | null = null;
  let bestArea = 0;
  for (const ring of ringsOf(geometry)) {
    let area = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      area += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
    }
    if (Math.abs(area) > bestArea) {
      bestArea = Math.abs(area);
      best = ring;
    }
  }
  if (best === null) {
    return null;
  }
  const b = boundsOf(best)!;
  return [(b.minLon + b.maxLon) / 2, (b.minLat + b.maxLat) / 2];
}
