// The project's own tile-grid map of the 31 zorgkantoorregio's (2025): one square per region, placed
// by hand to follow geography roughly (north at the top; the empty square under Friesland is the
// IJsselmeer). Used when no official boundaries have been imported, so a fresh install has a map.
// Positions were laid out from the regions' centroids in the CBS/PDOK zorgkantoorregio boundaries.

export interface Tile {
  readonly col: number;
  readonly row: number;
  /** Three-letter label shown on the tile; the full name is the accessible name. */
  readonly short: string;
}

export const TILE_GRID: Readonly<Record<string, Tile>> = {
  ZK08: { col: 4, row: 0, short: 'FRL' },
  ZK09: { col: 5, row: 0, short: 'GRO' },
  ZK18: { col: 2, row: 1, short: 'NHN' },
  ZK06: { col: 5, row: 1, short: 'DRE' },
  ZK11: { col: 1, row: 2, short: 'KEN' },
  ZK26: { col: 2, row: 2, short: 'ZAW' },
  ZK07: { col: 3, row: 2, short: 'FLE' },
  ZK32: { col: 4, row: 2, short: 'ZWO' },
  ZK01: { col: 1, row: 3, short: 'AML' },
  ZK02: { col: 2, row: 3, short: 'ADM' },
  ZK21: { col: 3, row: 3, short: 'GOO' },
  ZK14: { col: 4, row: 3, short: 'MIJ' },
  ZK22: { col: 5, row: 3, short: 'TWE' },
  ZK10: { col: 0, row: 4, short: 'HGL' },
  ZK28: { col: 1, row: 4, short: 'ZHN' },
  ZK13: { col: 2, row: 4, short: 'MHO' },
  ZK23: { col: 3, row: 4, short: 'UTR' },
  ZK03: { col: 4, row: 4, short: 'APD' },
  ZK33: { col: 0, row: 5, short: 'WSD' },
  ZK20: { col: 1, row: 5, short: 'ROT' },
  ZK24: { col: 2, row: 5, short: 'WRD' },
  ZK16: { col: 3, row: 5, short: 'NIJ' },
  ZK04: { col: 4, row: 5, short: 'ARN' },
  ZK29: { col: 0, row: 6, short: 'ZHE' },
  ZK25: { col: 1, row: 6, short: 'WBR' },
  ZK12: { col: 2, row: 6, short: 'MBR' },
  ZK19: { col: 3, row: 6, short: 'NOB' },
  ZK17: { col: 4, row: 6, short: 'NML' },
  ZK27: { col: 0, row: 7, short: 'ZEE' },
  ZK30: { col: 3, row: 7, short: 'ZOB' },
  ZK31: { col: 4, row: 7, short: 'ZLB' },
};

export const GRID_COLUMNS = 1 + Math.max(...Object.values(TILE_GRID).map((t) => t.col));
export const GRID_ROWS = 1 + Math.max(...Object.values(TILE_GRID).map((t) => t.row));

/**
 * Region codes in reading order (row by row, left to right), the tab order of the map, so keyboard
 * users move through the country as they see it.
 */
export function tileOrder(codes: readonly string[]): string[] {
  return [...codes].sort((a, b) => {
    const ta = TILE_GRID[a];
    const tb = TILE_GRID[b];
    if (ta === undefined || tb === undefined) {
      return ta === undefined ? (tb === undefined ? a.localeCompare(b) : 1) : -1;
    }
    return ta.row - tb.row || ta.col - tb.col;
  });
}
