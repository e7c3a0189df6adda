import { describe, expect, it } from 'vitest';
import { GRID_COLUMNS, GRID_ROWS, TILE_GRID, tileOrder } from './tile-grid';

const CODES = [
  'ZK01',
  'ZK02',
  'ZK03',
  'ZK04',
  'ZK06',
  'ZK07',
  'ZK08',
  'ZK09',
  'ZK10',
  'ZK11',
  'ZK12',
  'ZK13',
  'ZK14',
  'ZK16',
  'ZK17',
  'ZK18',
  'ZK19',
  'ZK20',
  'ZK21',
  'ZK22',
  'ZK23',
  'ZK24',
  'ZK25',
  'ZK26',
  'ZK27',
  'ZK28',
  'ZK29',
  'ZK30',
  'ZK31',
  'ZK32',
  'ZK33',
];

describe('TILE_GRID', () => {
  it('has exactly the 31 zorgkantoorregio codes (no ZK05, no ZK15)', () => {
    expect(Object.keys(TILE_GRID).sort()).toEqual(CODES);
  });

  it('puts no two regions on the same square', () => {
    const squares = new Set(Object.values(TILE_GRID).map((t) => `${t.col},${t.row}`));
    expect(squares.size).toBe(31);
  });

  it('gives every region a distinct three-letter label', () => {
    const labels = Object.values(TILE_GRID).map((t) => t.short);
    expect(new Set(labels).size).toBe(31);
    expect(labels.every((l) => /^[A-Z]{3}$/.test(l))).toBe(true);
  });

  it('keeps north at the top: Groningen above Zuid-Limburg, Zeeland left of Twente', () => {
    expect(TILE_GRID['ZK09']!.row).toBeLessThan(TILE_GRID['ZK31']!.row);
    expect(TILE_GRID['ZK27']!.col).toBeLessThan(TILE_GRID['ZK22']!.col);
    expect(GRID_COLUMNS).toBe(6);
    expect(GRID_ROWS).toBe(8);
  });
});

describe('tileOrder', () => {
  it('orders regions row by row, left to right, unknown codes last', () => {
    expect(tileOrder(['ZK31', 'ZK09', 'ZK99', 'ZK08'])).toEqual(['ZK08', 'ZK09', 'ZK31', 'ZK99']);
  });
});
