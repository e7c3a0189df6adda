import type { OpenHospices, OpenRegionMonths } from '@palliamonitor/contracts';
import { writeCsv } from '../csv-cells';

// The open datasets as CSV: the JSON's rows, one per line, the same column names (camelCase, so
// one description serves both files). A suppressed or unknown value is an empty cell; the column
// `suppressed` says which empty cells are suppressed rather than unknown.

export const REGION_MONTH_CSV_COLUMNS = [
  'regionCode',
  'regionName',
  'month',
  'hospices',
  'beds',
  'bedDays',
  'occupancy',
  'admissions',
  'refusals',
  'freshDataShare',
  'suppressed',
  'isSynthetic',
] as const;

export const OPEN_HOSPICE_CSV_COLUMNS = [
  'id',
  'name',
  'type',
  'careModel',
  'funding',
  'umbrellas',
  'streetAddress',
  'postcode',
  'place',
  'gemeenteCode',
  'regionCode',
  'latitude',
  'longitude',
  'licensedBeds',
  'openedOn',
  'closedOn',
  'website',
  'agbCode',
  'kvkNumber',
  'isSynthetic',
] as const;

/** Lists as one cell, words separated by a space (no word has one). */
const list = (items: readonly string[]) => items.join(' ');
const bool = (value: boolean) => (value ? 'true' : 'false');

export function regionMonthsToCsv(data: OpenRegionMonths): string {
  const rows = data.rows.map((r) => ({
    ...r,
    suppressed: list(r.suppressed),
    isSynthetic: bool(r.isSynthetic),
  }));
  return writeCsv(rows, { header: true, columns: [...REGION_MONTH_CSV_COLUMNS] });
}

export function hospicesToCsv(data: OpenHospices): string {
  const rows = data.rows.map((r) => ({
    ...r,
    funding: list(r.funding),
    umbrellas: list(r.umbrellas),
    isSynthetic: bool(r.isSynthetic),
  }));
  return writeCsv(rows, { header: true, columns: [...OPEN_HOSPICE_CSV_COLUMNS] });
}
