import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { BBox } from './boundary-types';
import { isInRdBounds, rdToWgs84 } from './rd-new';

// Coordinates of boundary geometries: recognising the coordinate system, converting RD New to
// WGS84 and the bounding box.

function* positionsOf(geometry: Geometry): Generator<Position> {
  switch (geometry.type) {
    case 'Point':
      yield geometry.coordinates;
      break;
    case 'MultiPoint':
    case 'LineString':
      yield* geometry.coordinates;
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) {
        yield* line;
      }
      break;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) {
        for (const ring of polygon) {
          yield* ring;
        }
      }
      break;
    case 'GeometryCollection':
      for (const g of geometry.geometries) {
        yield* positionsOf(g);
      }
      break;
  }
}

/** Looks at (up to) the first 1,000 positions to tell degrees from RD metres. */
export function detectCrs(
  raw: readonly { feature: Feature<Geometry | null> }[],
): 'EPSG:4326' | 'EPSG:28992' | null {
  let seen = 0;
  let allDegrees = true;
  let allRd = true;
  for (const { feature: f } of raw) {
    if (f.geometry === null) {
      continue;
    }
    for (const [x, y] of positionsOf(f.geometry)) {
      if (x === undefined || y === undefined) {
        continue;
      }
      allDegrees &&= Math.abs(x) <= 180 && Math.abs(y) <= 90;
      allRd &&= isInRdBounds(x, y);
      if (++seen >= 1000) {
        break;
      }
    }
    if (seen >= 1000) {
      break;
    }
  }
  if (seen === 0 || allDegrees) {
    return 'EPSG:4326';
  }
  return allRd ? 'EPSG:28992' : null;
}

function convertRing(ring: Position[]): Position[] {
  return ring.map(([x = 0, y = 0]) => {
    const [lon, lat] = rdToWgs84(x, y);
    return [round6(lon), round6(lat)];
  });
}

export function toWgs84(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(convertRing) }
    : {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) => polygon.map(convertRing)),
      };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function bboxOf(geometry: Polygon | MultiPolygon): BBox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of positionsOf(geometry)) {
    if (x === undefined || y === undefined) {
      continue;
    }
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return minX === Infinity ? null : [minX, minY, maxX, maxY];
}
