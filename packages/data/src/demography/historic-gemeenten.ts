import { parse } from 'csv-parse/sync';

// Deaths per historic gemeente (CBS export, by name) mapped onto the gemeenten of 2025, and so onto
// the zorgkantoorregio's of today (docs/data-sources.md, "Regional deaths from 2002"). No merger
// table is in the data, so a successor is derived by rules, in this order:
// 1. a listed successor (a small sourced file) wins, for names the rules below cannot resolve;
// 2. the same name as a gemeente of 2025 (CBS writes "Utrecht (gemeente)" beside the province);
// 3. the one 2025 gemeente holding the namesake woonplaats (BAG): most gemeenten are named after
//    their main place. A CBS province suffix ("Hengelo (Gld.)") selects among homonyms; a name
//    the BAG has more than once (it marks homonyms with a suffix: "Haren" / "Haren Gn") is
//    ambiguous and left to the list;
// 4. a part of a compound name ("Hoogezand-Sappemeer", "Arcen en Velden"), first part first.
// Pure functions: the caller reads the files.

export interface CbsDeathsRow {
  readonly name: string;
  /** Deaths per year of `years`; undefined where the gemeente did not exist or CBS gives ".". */
  readonly deaths: readonly (number | undefined)[];
}

export interface CbsDeathsExport {
  readonly years: readonly number[];
  /** The "Nederland" row. */
  readonly national: readonly number[];
  readonly rows: readonly CbsDeathsRow[];
}

function cell(text: string | undefined, where: string): number | undefined {
  // CBS writes "" for a year in which the gemeente did not exist and "." for a figure it lacks.
  if (text === undefined || text === '' || text === '.') {
    return undefined;
  }
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`CBS deaths export: bad count "${text}" at ${where}`);
  }
  return value;
}

/**
 * Parses the CBS StatLine export "Overledenen" per gemeente and year (semicolon separated, a
 * byte-order mark, header `"Regio's";"Onderwerp";"";"2002";…;"2021*"`, first row Nederland).
 * A trailing "*" (provisional) is dropped from the year.
 */
export function parseCbsDeathsExport(text: string): CbsDeathsExport {
  const records = parse(text, {
    delimiter: ';',
    bom: true,
    skip_empty_lines: true,
    relax_column_count: false,
  }) as string[][];
  const header = records[0] ?? [];
  const years = header.slice(3).map((h) => {
    const year = Number(h.replace(/\*$/, ''));
    if (!Number.isInteger(year)) {
      throw new Error(`CBS deaths export: bad year "${h}" in the header`);
    }
    return year;
  });
  const body = records.slice(1).map((r) => ({
    name: r[0]!,
    deaths: years.map((y, i) => cell(r[3 + i], `${r[0]} ${y}`)),
  }));
  const nation = body.find((r) => r.name === 'Nederland');
  if (!nation || nation.deaths.some((d) => d === undefined)) {
    throw new Error('CBS deaths export: no complete "Nederland" row');
  }
  return {
    years,
    national: nation.deaths as number[],
    rows: body.filter((r) => r !== nation),
  };
}

export interface Gemeente2025 {
  readonly code: string;
  readonly name: string;
  readonly provincie: string;
}

export interface Woonplaats {
  readonly name: string;
  readonly gemeenteCode: string;
}

export interface ListedSuccessor {
  readonly historic: string;
  readonly code: string;
  readonly note: string;
}

export type SuccessorBasis = 'listed' | 'same-name' | 'woonplaats' | 'name-part';

export interface Successor {
  readonly historic: string;
  readonly code: string;
  readonly basis: SuccessorBasis;
}

export interface Unmapped {
  readonly historic: string;
  readonly reason: 'ambiguous' | 'no-match';
}

/** The province a CBS gemeente suffix names ("Bergen (L.)", "Rijswijk (ZH.)"). */
const CBS_PROVINCE_SUFFIX: Readonly<Record<string, string>> = {
  'Dr.': 'Drenthe',
  'Fr.': 'Fryslân',
  'Gld.': 'Gelderland',
  'Gn.': 'Groningen',
  'L.': 'Limburg',
  'NB.': 'Noord-Brabant',
  'NH.': 'Noord-Holland',
  'O.': 'Overijssel',
  'U.': 'Utrecht',
  'Z.': 'Zeeland',
  'ZH.': 'Zuid-Holland',
};

/** The suffixes the BAG appends to homonym woonplaatsen ("Haren Gn", "Hengelo (Gld)", "Bavel AC"). */
const BAG_HOMONYM_SUFFIX = / \(?(?:AC|GLD|Gld|GN|Gn|L|NB|NH|Ut|ZH)\)?$/;

interface Context {
  readonly byName: ReadonlyMap<string, Gemeente2025>;
  readonly byCode: ReadonlyMap<string, Gemeente2025>;
  /** Woonplaatsen by name without a BAG homonym suffix. */
  readonly places: ReadonlyMap<string, readonly Woonplaats[]>;
}

function contextOf(
  gemeenten: readonly Gemeente2025[],
  woonplaatsen: readonly Woonplaats[],
): Context {
  const places = new Map<string, Woonplaats[]>();
  for (const w of woonplaatsen) {
    const base = w.name.replace(BAG_HOMONYM_SUFFIX, '');
    places.set(base, [...(places.get(base) ?? []), w]);
  }
  return {
    byName: new Map(gemeenten.map((g) => [g.name, g])),
    byCode: new Map(gemeenten.map((g) => [g.code, g])),
    places,
  };
}

/** The 2025 gemeenten holding a woonplaats of this name (in the suffix's province, if given). */
function placeCandidates(context: Context, name: string): string[] | 'ambiguous' {
  const suffixed = /^(.*) \(([A-Za-z]+\.)\)$/.exec(name);
  const base = suffixed ? suffixed[1]! : name;
  const provincie = suffixed ? CBS_PROVINCE_SUFFIX[suffixed[2]!] : undefined;
  if (suffixed && provincie === undefined) {
    return 'ambiguous';
  }
  const codes = new Set(
    (context.places.get(base) ?? [])
      .map((w) => w.gemeenteCode)
      .filter(
        (code) => provincie === undefined || context.byCode.get(code)?.provincie === provincie,
      ),
  );
  return codes.size > 1 ? 'ambiguous' : [...codes];
}

/** The 2025 successor of one historic gemeente by the rules above, or why there is none. */
function successorOf(
  historic: string,
  context: Context,
  listed: ReadonlyMap<string, ListedSuccessor>,
): Successor | Unmapped {
  const entry = listed.get(historic);
  if (entry) {
    return { historic, code: entry.code, basis: 'listed' };
  }
  const name = historic.replace(/ \(gemeente\)$/, '');
  const same = context.byName.get(name);
  if (same) {
    return { historic, code: same.code, basis: 'same-name' };
  }
  const whole = placeCandidates(context, name);
  if (whole === 'ambiguous') {
    return { historic, reason: 'ambiguous' };
  }
  if (whole.length === 1) {
    return { historic, code: whole[0]!, basis: 'woonplaats' };
  }
  for (const part of name.split(/-| en /)) {
    const candidates = placeCandidates(context, part);
    if (candidates !== 'ambiguous' && candidates.length === 1) {
      return { historic, code: candidates[0]!, basis: 'name-part' };
    }
  }
  return { historic, reason: 'no-match' };
}

export interface SuccessorMapping {
  readonly successors: readonly Successor[];
  readonly unmapped: readonly Unmapped[];
}

/** Maps every historic gemeente name to its 2025 successor (see the rules at the top). */
export function mapHistoricGemeenten(
  names: readonly string[],
  gemeenten: readonly Gemeente2025[],
  woonplaatsen: readonly Woonplaats[],
  listed: readonly ListedSuccessor[],
): SuccessorMapping {
  const context = contextOf(gemeenten, woonplaatsen);
  listed.forEach((l, i) => {
    if (!context.byCode.has(l.code)) {
      throw new Error(`listed successor ${i + 1} (${l.historic}): unknown gemeente ${l.code}`);
    }
  });
  const byHistoric = new Map(listed.map((l) => [l.historic, l]));
  const successors: Successor[] = [];
  const unmapped: Unmapped[] = [];
  for (const name of names) {
    const result = successorOf(name, context, byHistoric);
    if ('code' in result) {
      successors.push(result);
    } else {
      unmapped.push(result);
    }
  }
  return { successors, unmapped };
}

/** The rule-based successor of each listed name, were it not listed (to keep the list minimal). */
export function unlistedSuccessors(
  gemeenten: readonly Gemeente2025[],
  woonplaatsen: readonly Woonplaats[],
  listed: readonly ListedSuccessor[],
): (Successor | Unmapped)[] {
  const context = contextOf(gemeenten, woonplaatsen);
  return listed.map((l) => successorOf(l.historic, context, new Map()));
}

/** Deaths per year summed per 2025 gemeente over its historic gemeenten (0 where none had data). */
export function deathsPerGemeente2025(
  data: CbsDeathsExport,
  successors: readonly Successor[],
): Map<string, number[]> {
  const rows = new Map(data.rows.map((r) => [r.name, r]));
  const out = new Map<string, number[]>();
  for (const s of successors) {
    const series = out.get(s.code) ?? data.years.map(() => 0);
    rows.get(s.historic)?.deaths.forEach((d, i) => {
      series[i]! += d ?? 0;
    });
    out.set(s.code, series);
  }
  return out;
}

export interface RegionalDeaths {
  readonly years: readonly number[];
  /** Deaths per region code per year (index into `years`). */
  readonly regions: ReadonlyMap<string, readonly number[]>;
  /** National deaths minus the allocated deaths, per year (unmapped names and "." cells). */
  readonly unallocated: readonly number[];
}

/** Sums the 2025 gemeenten into regions (every successor gemeente must have a region). */
export function deathsPerRegion(
  data: CbsDeathsExport,
  successors: readonly Successor[],
  regionOf: ReadonlyMap<string, string>,
): RegionalDeaths {
  const regions = new Map<string, number[]>();
  for (const [code, series] of deathsPerGemeente2025(data, successors)) {
    const region = regionOf.get(code);
    if (region === undefined) {
      throw new Error(`regional deaths: gemeente ${code} has no region`);
    }
    const sum = regions.get(region) ?? data.years.map(() => 0);
    series.forEach((d, i) => {
      sum[i]! += d;
    });
    regions.set(region, sum);
  }
  const unallocated = data.years.map(
    (_, i) => data.national[i]! - [...regions.values()].reduce((s, r) => s + r[i]!, 0),
  );
  return { years: data.years, regions, unallocated };
}
