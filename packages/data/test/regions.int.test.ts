import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHospice,
  divisionOn,
  findHospice,
  importPostcodes,
  listRegions,
  memberGemeenten,
  mergeGemeenten,
  moveGemeente,
  parentsOf,
  type Store,
} from '../src/index';
import { openTestStore, storeName } from './test-store';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

describe(`effective-dated division (${storeName})`, () => {
  it('seeds the 2025 division: 342 gemeenten, 31 zorgkantoorregio’s, 12 provincies', async () => {
    const division = await divisionOn(store.db, '2025-06-01');
    expect(division.size).toBe(342);
    expect(new Set([...division.values()].map((g) => g.zorgkantoorregio)).size).toBe(31);
    expect(new Set([...division.values()].map((g) => g.provincie)).size).toBe(12);
    expect([...division.values()].every((g) => g.zorgkantoorregio && g.provincie)).toBe(true);
  });

  it('a gemeente that moves to another zorgkantoorregio answers per date', async () => {
    // Renswoude (GM0339) lies on the border of Utrecht (ZK23) and Gelderland (ZK04 Arnhem).
    const before = await parentsOf(store.db, 'GM0339', '2026-12-31');
    expect(before.find((p) => p.type === 'zorgkantoorregio')!.code).toBe('ZK23');
    await moveGemeente(store.db, {
      gemeenteCode: 'GM0339',
      toParentCode: 'ZK04',
      on: '2027-01-01',
    });
    const after = await parentsOf(store.db, 'GM0339', '2027-01-01');
    expect(after.find((p) => p.type === 'zorgkantoorregio')!.code).toBe('ZK04');
    expect((await memberGemeenten(store.db, 'ZK23', '2026-12-31')).map((g) => g.code)).toContain(
      'GM0339',
    );
    expect(
      (await memberGemeenten(store.db, 'ZK23', '2027-01-01')).map((g) => g.code),
    ).not.toContain('GM0339');
    // The provincie did not change.
    expect(after.find((p) => p.type === 'provincie')!.code).toBe(
      before.find((p) => p.type === 'provincie')!.code,
    );
  });

  it('merged gemeenten end on the merge date; facilities continue in the new gemeente', async () => {
    const hospice = await createHospice(
      store.db,
      {
        name: 'Hospice Samen',
        place: 'Bunnik',
        gemeenteCode: 'GM0312',
        type: 'bth',
        licensedBeds: 4,
        effectiveFrom: '2020-01-01',
      },
      { actor: 'test', now: new Date('2026-01-01T00:00:00Z') },
    );
    await mergeGemeenten(store.db, {
      fromCodes: ['GM0312', 'GM0352'],
      into: { code: 'GM9001', name: 'Kromme Rijn' },
      on: '2028-01-01',
    });
    const gemeenten2027 = await listRegions(store.db, {
      type: 'gemeente',
      asOf: '2027-12-31',
      limit: 1000,
      offset: 0,
    });
    const gemeenten2028 = await listRegions(store.db, {
      type: 'gemeente',
      asOf: '2028-01-01',
      limit: 1000,
      offset: 0,
    });
    expect(gemeenten2027.total).toBe(342);
    expect(gemeenten2028.total).toBe(341);
    expect(gemeenten2028.items.map((g) => g.code)).toContain('GM9001');
    const then = await findHospice(store.db, hospice.id, '2027-06-01');
    const now = await findHospice(store.db, hospice.id, '2028-06-01');
    expect(then!.gemeenteCode).toBe('GM0312');
    expect(now!.gemeenteCode).toBe('GM9001');
    expect(now!.regions.zorgkantoorregio!.code).toBe(then!.regions.zorgkantoorregio!.code);
  });

  it('refuses a move dated before the current membership and to an unknown region', async () => {
    await expect(
      moveGemeente(store.db, { gemeenteCode: 'GM0339', toParentCode: 'ZK23', on: '2026-06-01' }),
    ).rejects.toThrow(/a move must come after 2027-01-01/);
    await expect(
      moveGemeente(store.db, { gemeenteCode: 'GM0339', toParentCode: 'ZK05', on: '2029-01-01' }),
    ).rejects.toThrow(/unknown zorgkantoorregio or provincie ZK05/);
  });
});

describe(`postcodes from the GeoNames download (${storeName})`, () => {
  it('imports NL.txt as it comes; a new gemeente comes from the place list', async () => {
    const text = readFileSync(
      fileURLToPath(new URL('./fixtures/places/NL_geonames.txt', import.meta.url)),
      'utf8',
    );
    const postcodes = async () =>
      Number(
        (
          await store.db
            .selectFrom('postcode')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // The store already holds the shipped centroids: the file's five update their rows.
    const before = await postcodes();
    const result = await importPostcodes(store.db, text);
    expect(result.imported).toBe(5);
    const brielle = await store.db
      .selectFrom('postcode')
      .selectAll()
      .where('pc4', '=', '3232')
      .executeTakeFirstOrThrow();
    expect(brielle.gemeente_code).toBe('GM1992');
    const again = await importPostcodes(store.db, text);
    expect(again.imported).toBe(5);
    expect(await postcodes()).toBe(before);
  });
});
