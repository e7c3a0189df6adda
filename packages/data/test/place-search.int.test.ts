import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type Store } from '../src/index';
import {
  editDistance,
  findPlace,
  normalisePlaceName,
  withoutQualifier,
} from '../src/collection/place-search';
import { resolveOrigin } from '../src/collection/bed-finder';
import { openTestStore, storeName } from './test-store';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

/** The coded issue of a refused search. */
async function refusal(query: string) {
  try {
    await findPlace(store.db, query);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const issue = (error as AppError).issues[0]!;
    expect((error as AppError).code).toBe('UNPROCESSABLE');
    expect(issue.field).toBe('near');
    return issue;
  }
  throw new Error(`"${query}" was found`);
}

describe('place names as people type them', () => {
  it('ignores capitals, accents, apostrophes and hyphens', () => {
    expect(normalisePlaceName("'s-Hertogenbosch")).toBe('s hertogenbosch');
    expect(normalisePlaceName('’S HERTOGENBOSCH')).toBe('s hertogenbosch');
    expect(normalisePlaceName('Sint-Oedenrode')).toBe('sint oedenrode');
    expect(normalisePlaceName('Nuenen, Gerwen')).toBe('nuenen, gerwen');
    expect(normalisePlaceName('Bergen (NH)')).toBe('bergen nh');
  });

  it('drops the province qualifier of the official list, not a last word of a name', () => {
    expect(withoutQualifier('Bergen (NH)')).toBe('Bergen');
    expect(withoutQualifier('Bergen L')).toBe('Bergen');
    expect(withoutQualifier('Elst Ut')).toBe('Elst');
    expect(withoutQualifier('Smalle Ee')).toBe('Smalle Ee');
    expect(withoutQualifier('Nieuwer Ter Aa')).toBe('Nieuwer Ter Aa');
  });

  it('counts edits, stopping early above the limit', () => {
    expect(editDistance('zwole', 'zwolle', 2)).toBe(1);
    expect(editDistance('utrect', 'utrecht', 2)).toBe(1);
    expect(editDistance('amsterdam', 'rotterdam', 2)).toBe(3);
  });
});

describe(`place search (${storeName})`, () => {
  it('finds the official name and the common other names', async () => {
    const official = await findPlace(store.db, "'s-Hertogenbosch");
    expect(official).toMatchObject({ name: "'s-Hertogenbosch", gemeenteCode: 'GM0796' });
    expect(await findPlace(store.db, 'Den Bosch')).toEqual(official);
    expect(await findPlace(store.db, 's hertogenbosch')).toEqual(official);
    expect(await findPlace(store.db, 'den haag')).toMatchObject({ gemeenteCode: 'GM0518' });
  });

  it('asks which one when a name is used in more than one gemeente (Bergen)', async () => {
    const issue = await refusal('Bergen');
    expect(issue.code).toBe('finder.placeAmbiguous');
    const options = String(issue.params!['options']).split('|');
    expect(options).toEqual(['Bergen (NH)', 'Bergen L']);
    // Each choice finds its own place when searched for.
    expect(await findPlace(store.db, options[0]!)).toMatchObject({ gemeenteCode: 'GM0373' });
    expect(await findPlace(store.db, options[1]!)).toMatchObject({ gemeenteCode: 'GM0893' });
  });

  it('suggests close names for a typo, and none for nonsense', async () => {
    const typo = await refusal('Zwole');
    expect(typo.code).toBe('finder.placeUnknown');
    expect(String(typo.params!['suggestions']).split('|')).toContain('Zwolle');
    const nonsense = await refusal('Atlantis');
    expect(nonsense.code).toBe('finder.placeUnknown');
    expect(nonsense.params!['suggestions']).toBe('');
  });

  it('labels a place found by another name with its own name', async () => {
    const origin = await resolveOrigin(store.db, 'Den Bosch');
    expect(origin).toMatchObject({ kind: 'place', label: "'s-Hertogenbosch" });
  });
});
