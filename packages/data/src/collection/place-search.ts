import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { AppError } from '../errors';

// Place search for the bed finder, as people type place names: without caring for capitals,
// accents, apostrophes or hyphens ('s-Hertogenbosch = s hertogenbosch), with the common other
// names (Den Bosch, Den Haag), without the province qualifier the official list carries ("Bergen"
// for "Bergen (NH)" and "Bergen L"), asking which one when a name is used in more than one
// gemeente, and suggesting close names for a typo ("Zwole" → Zwolle).

export interface PlaceMatch {
  name: string;
  gemeenteCode: string;
  gemeente: string;
  latitude: number;
  longitude: number;
}

/**
 * Common other names of places, to the name in the official list (CBS woonplaatsen). Only names in
 * general use; each is documented by the place's own municipality.
 */
export const PLACE_ALIASES: Readonly<Record<string, string>> = {
  'den bosch': "'s-Hertogenbosch",
  'den haag': "'s-Gravenhage",
  'the hague': "'s-Gravenhage",
  'la haye': "'s-Gravenhage",
};

/** Lower case, without accents, apostrophes, dots, brackets or hyphens, single spaces. */
export function normalisePlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`.()]/g, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The name without the province qualifier of the official list: "Bergen (NH)", "Bergen L". */
export function withoutQualifier(name: string): string {
  return (
    name
      .replace(/\s*\([^)]*\)\s*$/, '')
      // The qualifiers the list uses; "Smalle Ee" and "Nieuwer Ter Aa" are names, not qualifiers.
      .replace(/\s+(?:NH|NB|L|Ut|Gn|GN|AC|Gld|GLD)$/, '')
      .trim()
  );
}

/** Levenshtein distance, stopping early above `max` (the answer is then max + 1). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) {
    return max + 1;
  }
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) {
      return max + 1;
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The label people know a place by: its name, with the gemeente when that differs. */
export function placeLabel(place: PlaceMatch): string {
  return place.gemeente === place.name || withoutQualifier(place.gemeente) === place.name
    ? place.name
    : `${place.name} (${place.gemeente})`;
}

const MAX_SUGGESTIONS = 5;

/**
 * The place a name means. One gemeente: its place (the first by name). Several gemeenten: 422
 * `finder.placeAmbiguous` with the choices; none: 422 `finder.placeUnknown` with close names, if any.
 */
export async function findPlace(db: Kysely<Database>, query: string): Promise<PlaceMatch> {
  const rows: PlaceMatch[] = await db
    .selectFrom('place')
    .innerJoin('region', 'region.code', 'place.gemeente_code')
    .select([
      'place.name',
      'place.gemeente_code as gemeenteCode',
      'region.name as gemeente',
      'place.latitude',
      'place.longitude',
    ])
    .orderBy('place.name')
    .orderBy('place.gemeente_code')
    .execute();
  // "Zevenhuizen (Zuidplas)": a place of that name in that gemeente (the choice offered below).
  const withGemeente = /^(.+?)\s*\(([^)]+)\)$/.exec(query);
  if (withGemeente) {
    const [name, gemeente] = [withGemeente[1]!, withGemeente[2]!].map(normalisePlaceName);
    const chosen = rows.find(
      (p) => normalisePlaceName(p.name) === name && normalisePlaceName(p.gemeente) === gemeente,
    );
    if (chosen) {
      return chosen;
    }
  }
  const wanted = normalisePlaceName(PLACE_ALIASES[normalisePlaceName(query)] ?? query);
  const exact = rows.filter((p) => normalisePlaceName(p.name) === wanted);
  const loose =
    exact.length > 0
      ? exact
      : rows.filter((p) => normalisePlaceName(withoutQualifier(p.name)) === wanted);
  const gemeenten = new Set(loose.map((p) => p.gemeenteCode));
  if (gemeenten.size === 1) {
    return loose[0]!;
  }
  if (gemeenten.size > 1) {
    // One choice per gemeente, each as it can be searched for again.
    const choices = [...gemeenten].map((code) => loose.find((p) => p.gemeenteCode === code)!);
    const options = choices.map((p) =>
      choices.filter((c) => c.name === p.name).length > 1 ? `${p.name} (${p.gemeente})` : p.name,
    );
    const message = `"${query}" is the name of places in ${choices.length} gemeenten: ${options.join(', ')}; choose one`;
    throw new AppError('UNPROCESSABLE', message, [
      {
        field: 'near',
        message,
        code: 'finder.placeAmbiguous',
        params: { near: query, options: options.join('|') },
      },
    ]);
  }
  const limit = wanted.length <= 4 ? 1 : 2;
  const scored = new Map<string, number>();
  for (const p of rows) {
    const name = withoutQualifier(p.name);
    const distance = editDistance(wanted, normalisePlaceName(name), limit);
    if (distance <= limit && (scored.get(name) ?? Infinity) > distance) {
      scored.set(name, distance);
    }
  }
  const suggestions = [...scored]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0], 'nl'))
    .slice(0, MAX_SUGGESTIONS)
    .map(([name]) => name);
  const message =
    suggestions.length === 0
      ? `unknown place "${query}"; use a postcode, a place name or lat,lon`
      : `unknown place "${query}"; did you mean ${suggestions.join(', ')}?`;
  throw new AppError('UNPROCESSABLE', message, [
    {
      field: 'near',
      message,
      code: 'finder.placeUnknown',
      params: { near: query, suggestions: suggestions.join('|') },
    },
  ]);
}
