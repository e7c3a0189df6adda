/**
 * Rijksdriehoeksstelsel (RD New, EPSG:28992) to WGS84 latitude/longitude.
 *
 * Uses the polynomial approximation by Schreutelkamp and Strang van Hees ("Benaderingsformules
 * voor de transformatie tussen RD- en WGS84-kaartcoördinaten", 2001), reference point Amersfoort
 * (x 155000 m, y 463000 m) = 52.15517440 N, 5.38720621 E. Accuracy is about a metre inside the
 * Netherlands, which is far finer than the generalised boundary files this is used for. For
 * geodetic work use RDNAPTRANS instead.
 */

/** [p, q, coefficient]: latitude term coefficient · dX^p · dY^q, in arc seconds. */
const LATITUDE_TERMS: readonly (readonly [number, number, number])[] = [
  [0, 1, 3235.65389],
  [2, 0, -32.58297],
  [0, 2, -0.2475],
  [2, 1, -0.84978],
  [0, 3, -0.0655],
  [2, 2, -0.01709],
  [1, 0, -0.00738],
  [4, 0, 0.0053],
  [2, 3, -0.00039],
  [4, 1, 0.00033],
  [1, 1, -0.00012],
];

const LONGITUDE_TERMS: readonly (readonly [number, number, number])[] = [
  [1, 0, 5260.52916],
  [1, 1, 105.94684],
  [1, 2, 2.45656],
  [3, 0, -0.81885],
  [1, 3, 0.05594],
  [3, 1, -0.05607],
  [0, 1, 0.01199],
  [3, 2, -0.00256],
  [1, 4, 0.00128],
  [0, 2, 0.00022],
  [2, 0, -0.00022],
  [5, 0, 0.00026],
];

const X0 = 155_000;
const Y0 = 463_000;
const LAT0 = 52.1551744;
const LON0 = 5.38720621;

/** Converts RD New metres (x east, y north) to WGS84 degrees `[lon, lat]` (GeoJSON order). */
export function rdToWgs84(x: number, y: number): [number, number] {
  const dX = (x - X0) * 1e-5;
  const dY = (y - Y0) * 1e-5;
  let lat = 0;
  for (const [p, q, k] of LATITUDE_TERMS) {
    lat += k * dX ** p * dY ** q;
  }
  let lon = 0;
  for (const [p, q, l] of LONGITUDE_TERMS) {
    lon += l * dX ** p * dY ** q;
  }
  return [LON0 + lon / 3600, LAT0 + lat / 3600];
}

/** RD New validity area (the Netherlands with margin), in metres. */
export const RD_BOUNDS = { minX: -7_000, maxX: 300_000, minY: 289_000, maxY: 629_000 } as const;

export function isInRdBounds(x: number, y: number): boolean {
  return x >= RD_BOUNDS.minX && x <= RD_BOUNDS.maxX && y >= RD_BOUNDS.minY && y <= RD_BOUNDS.maxY;
}
