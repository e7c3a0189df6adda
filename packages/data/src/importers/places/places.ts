import { readCsv, type CsvTable } from '../csv';
import { issue, type ImportIssue, type ParseResult } from '../issues';

/**
 * Parsers for the place files used by the bed finder ("near a postcode or place"):
 * 4-digit postcode centroids and woonplaatsen with coordinates (seed/reference/places/ and
 * seed/woonplaatsen.csv, from GeoNames CC BY 4.0 and CBS "Woonplaatsen in Nederland" CC BY 4.0).
 */

export interface PostcodeCentroid {
  /** Four digits, 1000–9999, as text ("1011"). */
  pc4: string;
  lat: number;
  lon: number;
  gemeenteCode: string;
  gemeenteNaam: string;
}

export interface Woonplaats {
  woonplaats: string;
  gemeenteCode: string;
  gemeenteNaam: string;
  /** null when the source has no point for this place (it can still be listed, not located). */
  lat: number | null;
  lon: number | null;
}

/** Generous bounding box of the European Netherlands incl. the Wadden islands, WGS84 degrees. */
export const NETHERLANDS_BBOX = { minLat: 50.7, maxLat: 53.7, minLon: 3.2, maxLon: 7.3 } as const;

const GEMEENTE_CODE = /^GM\d{4}$/;

/** Columns: pc4,lat,lon,gemeente_code,gemeente_naam (comma-separated, header required). */
export function parsePostcodeCentroids(text: string): ParseResult<PostcodeCentroid> {
  const columns = ['pc4', 'lat', 'lon', 'gemeente_code', 'gemeente_naam'];
  return readUniqueRows(text, columns, (get, line, problems) => {
    const pc4 = get('pc4');
    if (!/^\d{4}$/.test(pc4) || Number(pc4) < 1000) {
      problems.push(
        issue('error', `must be a 4-digit postcode 1000–9999, got "${pc4}"`, {
          line,
          field: 'pc4',
        }),
      );
    }
    const point = readPoint(get('lat'), get('lon'), line, problems, false);
    const gemeenteCode = readGemeenteCode(get('gemeente_code'), line, problems);
    const gemeenteNaam = readName(get('gemeente_naam'), 'gemeente_naam', line, problems);
    return {
      key: pc4,
      duplicate: { what: `postcode ${pc4}`, field: 'pc4' },
      record:
        point.lat === null || point.lon === null
          ? null
          : { pc4, lat: point.lat, lon: point.lon, gemeenteCode, gemeenteNaam },
    };
  });
}

/**
 * Columns: woonplaats,gemeente_code,gemeente_naam,lat,lon. Names repeat across gemeenten
 * (e.g. Zevenhuizen), so the key is name + gemeente code. Empty lat/lon is allowed (warning).
 */
export function parseWoonplaatsen(text: string): ParseResult<Woonplaats> {
  const columns = ['woonplaats', 'gemeente_code', 'gemeente_naam', 'lat', 'lon'];
  return readUniqueRows(text, columns, (get, line, problems) => {
    const woonplaats = readName(get('woonplaats'), 'woonplaats', line, problems);
    const gemeenteCode = readGemeenteCode(get('gemeente_code'), line, problems);
    const gemeenteNaam = readName(get('gemeente_naam'), 'gemeente_naam', line, problems);
    const point = readPoint(get('lat'), get('lon'), line, problems, true);
    return {
      key: `${woonplaats}|${gemeenteCode}`,
      duplicate: { what: `woonplaats "${woonplaats}" in ${gemeenteCode}`, field: 'woonplaats' },
      record: { woonplaats, gemeenteCode, gemeenteNaam, lat: point.lat, lon: point.lon },
    };
  });
}

/** What one file row gives: its record (null when it cannot be used) and its key. */
interface KeyedRow<T> {
  key: string;
  /** The key as the error about a second row with it names it, and the column it is shown on. */
  duplicate: { what: string; field: string };
  record: T | null;
}

/**
 * The records of a comma-separated file with the `required` columns, one per row that `read`
 * finds no error in; a row with the key of an earlier row is an error that names the first line.
 */
function readUniqueRows<T>(
  text: string,
  required: readonly string[],
  read: (get: (column: string) => string, line: number, problems: ImportIssue[]) => KeyedRow<T>,
): ParseResult<T> {
  const { table, issues } = readWithColumns(text, required);
  if (table === null) {
    return { records: [], issues };
  }
  const records: T[] = [];
  const firstLineByKey = new Map<string, number>();
  for (const { line, get } of rowsOf(table)) {
    const problems: ImportIssue[] = [];
    const row = read(get, line, problems);
    const earlier = firstLineByKey.get(row.key);
    if (earlier !== undefined) {
      problems.push(
        issue('error', `duplicate ${row.duplicate.what} (first on line ${String(earlier)})`, {
          line,
          field: row.duplicate.field,
        }),
      );
    } else {
      firstLineByKey.set(row.key, line);
    }
    issues.push(...problems);
    if (row.record !== null && !problems.some((p) => p.severity === 'error')) {
      records.push(row.record);
    }
  }
  return { records, issues };
}

function readWithColumns(
  text: string,
  required: readonly string[],
): { table: CsvTable | null; issues: ImportIssue[] } {
  const { table, issues } = readCsv(text, ',');
  if (table === null) {
    return { table, issues };
  }
  const missing = required.filter((c) => !table.header.includes(c));
  if (missing.length > 0) {
    issues.push(
      issue(
        'error',
        `missing column(s) ${missing.join(', ')}; expected header ${required.join(',')}`,
        { line: table.headerLine },
      ),
    );
    return { table: null, issues };
  }
  return { table, issues };
}

function* rowsOf(table: CsvTable): Generator<{ line: number; get: (column: string) => string }> {
  const index = new Map(table.header.map((h, i) => [h, i]));
  for (const row of table.rows) {
    yield {
      line: row.line,
      get: (column) => (row.values[index.get(column) ?? -1] ?? '').trim(),
    };
  }
}

function readPoint(
  latText: string,
  lonText: string,
  line: number,
  problems: ImportIssue[],
  isOptional: boolean,
): { lat: number | null; lon: number | null } {
  if (latText === '' && lonText === '') {
    problems.push(
      issue(isOptional ? 'warning' : 'error', 'no coordinates (lat and lon are empty)', { line }),
    );
    return { lat: null, lon: null };
  }
  const lat = readCoordinate(latText, 'lat', NETHERLANDS_BBOX.minLat, NETHERLANDS_BBOX.maxLat);
  const lon = readCoordinate(lonText, 'lon', NETHERLANDS_BBOX.minLon, NETHERLANDS_BBOX.maxLon);
  for (const [field, result] of [
    ['lat', lat],
    ['lon', lon],
  ] as const) {
    if (typeof result === 'string') {
      problems.push(issue('error', result, { line, field }));
    }
  }
  return typeof lat === 'number' && typeof lon === 'number'
    ? { lat, lon }
    : { lat: null, lon: null };
}

/** A number inside [min, max], or the message saying why not. */
function readCoordinate(text: string, name: string, min: number, max: number): number | string {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) {
    return `must be a decimal number (WGS84 degrees), got "${text}"`;
  }
  if (value < min || value > max) {
    return `${name} ${text} is outside the Netherlands (${String(min)}–${String(max)})`;
  }
  return value;
}

function readGemeenteCode(text: string, line: number, problems: ImportIssue[]): string {
  if (!GEMEENTE_CODE.test(text)) {
    problems.push(
      issue('error', `must be GM followed by 4 digits, got "${text}"`, {
        line,
        field: 'gemeente_code',
      }),
    );
  }
  return text;
}

function readName(text: string, field: string, line: number, problems: ImportIssue[]): string {
  if (text === '') {
    problems.push(issue('error', 'must not be empty', { line, field }));
  }
  return text;
}

/** GeoNames postal-code file for the Netherlands, as downloaded (`NL.txt` in `NL.zip`). */
export function isGeonamesPostalText(text: string): boolean {
  return /^NL\t\d{4}\t/.test(text.replace(/^\uFEFF/, ''));
}

/**
 * The GeoNames postal-code download (`NL.txt`): tab-separated, no header, columns country code,
 * postal code, place name, admin name1 (province), admin code1, admin name2 (gemeente), admin
 * code2 (the CBS gemeente number), admin name3, admin code3, latitude, longitude, accuracy. A
 * postcode shared by several places has several rows: its point is their unweighted mean and its
 * gemeente the most frequent one. Rows without a gemeente number (places of a newly merged
 * gemeente) take it from `gemeenteOfPlace` (woonplaats name → GM code) when that name is unique.
 */
export function parseGeonamesPostalCodes(
  text: string,
  gemeenteOfPlace: ReadonlyMap<string, string> = new Map(),
): ParseResult<PostcodeCentroid> {
  const issues: ImportIssue[] = [];
  const groups = new Map<
    string,
    { lat: number[]; lon: number[]; gemeenten: string[]; names: string[] }
  >();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') {
      return;
    }
    const cells = raw.split('\t');
    if (cells.length < 11) {
      issues.push(
        issue('error', `expected 12 tab-separated columns, got ${cells.length}`, { line }),
      );
      return;
    }
    const [country, pc4 = '', place = '', , , gemeenteNaam = '', code2 = ''] = cells;
    if (country !== 'NL') {
      issues.push(
        issue('error', `not a Dutch postcode row (country "${country}")`, {
          line,
          field: 'country',
        }),
      );
      return;
    }
    if (!/^\d{4}$/.test(pc4) || Number(pc4) < 1000) {
      issues.push(
        issue('error', `must be a 4-digit postcode 1000–9999, got "${pc4}"`, {
          line,
          field: 'postal code',
        }),
      );
      return;
    }
    const problems: ImportIssue[] = [];
    const point = readPoint(cells[9] ?? '', cells[10] ?? '', line, problems, false);
    issues.push(...problems);
    if (problems.some((p) => p.severity === 'error') || point.lat === null || point.lon === null) {
      return;
    }
    const gemeente = /^\d{4}$/.test(code2) ? `GM${code2}` : gemeenteOfPlace.get(place);
    const group = groups.get(pc4) ?? { lat: [], lon: [], gemeenten: [], names: [] };
    group.lat.push(point.lat);
    group.lon.push(point.lon);
    if (gemeente) {
      group.gemeenten.push(gemeente);
      group.names.push(gemeenteNaam.replace(/^Gemeente /, '').replace(/ Municipality$/, ''));
    }
    groups.set(pc4, group);
  });
  const records: PostcodeCentroid[] = [];
  for (const [pc4, group] of groups) {
    const counts = new Map<string, number>();
    group.gemeenten.forEach((g) => counts.set(g, (counts.get(g) ?? 0) + 1));
    const gemeenteCode = [...counts].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    )[0]?.[0];
    if (!gemeenteCode) {
      issues.push(
        issue('warning', `postcode ${pc4}: no gemeente known for its places; skipped`, {
          field: 'admin code2',
        }),
      );
      continue;
    }
    const mean = (values: number[]) =>
      Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 1e4) / 1e4;
    records.push({
      pc4,
      lat: mean(group.lat),
      lon: mean(group.lon),
      gemeenteCode,
      gemeenteNaam: group.names[group.gemeenten.indexOf(gemeenteCode)] ?? '',
    });
  }
  return { records, issues };
}
