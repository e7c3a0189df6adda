import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boundaryCollection,
  ensureReferenceData,
  importBoundaries,
  importPostcodes,
  resolveOrigin,
  type Store,
} from '../src/index';
import { openTestStore, storeName } from './test-store';

// A new store carries the real 2025 boundaries and the PC4 centroids from the repository, loaded
// through the same importers as `import boundaries` and `import postcodes`; a newer file imported
// later is never replaced by the shipped copy.

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

const referenceFile = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../seed/reference/${name}`, import.meta.url)), 'utf8');

describe(`reference data on a new store (${storeName})`, () => {
  it('has the 2025 boundaries of the three layers', async () => {
    for (const [layer, count] of [
      ['zorgkantoorregio', 31],
      ['provincie', 12],
      ['gemeente', 342],
    ] as const) {
      const boundaries = await boundaryCollection(store.db, layer);
      expect(boundaries?.year).toBe(2025);
      expect(boundaries?.collection.features).toHaveLength(count);
    }
    const utrecht = await boundaryCollection(store.db, 'gemeente');
    expect(utrecht?.collection.features).toContainEqual(
      expect.objectContaining({ id: 'GM0344', properties: { code: 'GM0344', name: 'Utrecht' } }),
    );
  });

  it('finds postcode 3511 in Utrecht', async () => {
    const origin = await resolveOrigin(store.db, '3511');
    expect(origin).toMatchObject({ kind: 'postcode', label: '3511 Utrecht' });
    expect(origin.latitude).toBeCloseTo(52.0886, 4);
    expect(origin.longitude).toBeCloseTo(5.1174, 4);
    const count = await store.db
      .selectFrom('postcode')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4081);
  });

  it('keeps a newer imported boundary file and imported postcodes on the next start', async () => {
    // The same map as 2026 stands in for a newer official file.
    await importBoundaries(store.db, referenceFile('geo/zorgkantoorregio_2025.geojson'), {
      fileName: 'zorgkantoorregio_2026.geojson',
    });
    await importPostcodes(
      store.db,
      'pc4,lat,lon,gemeente_code,gemeente_naam\n3511,52.1,5.12,GM0344,Utrecht\n',
    );
    expect(await ensureReferenceData(store.db)).toBe(false);
    expect((await boundaryCollection(store.db, 'zorgkantoorregio'))?.year).toBe(2026);
    expect((await boundaryCollection(store.db, 'zorgkantoorregio', 2025))?.year).toBe(2025);
    const origin = await resolveOrigin(store.db, '3511');
    expect(origin.latitude).toBe(52.1);
    expect(origin.longitude).toBe(5.12);
  });

  it('gives a store without boundaries or postcodes the shipped ones on its next start', async () => {
    await store.db.deleteFrom('region_boundary').where('layer', '=', 'provincie').execute();
    await store.db.deleteFrom('postcode').execute();
    await ensureReferenceData(store.db);
    expect((await boundaryCollection(store.db, 'provincie'))?.collection.features).toHaveLength(12);
    expect((await resolveOrigin(store.db, '3511')).latitude).toBeCloseTo(52.0886, 4);
    // The other layers were left as they were.
    expect((await boundaryCollection(store.db, 'zorgkantoorregio'))?.year).toBe(2026);
  });
});
