import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SCENARIOS } from '@palliamonitor/model';
import {
  appendAudit,
  createApiToken,
  createUser,
  findApiToken,
  importBoundaries,
  importCbsTable,
  importHospiceCsv,
  importPostcodes,
  listAudit,
  revokeApiToken,
  saveScenario,
  type AuditContext,
  type Store,
} from '../src/index';
import { createUtrechtHospice, openTestStore, storeName } from './test-store';

// Every change and its audit entry are one change, from every entry point: tokens, accounts,
// scenarios and the imports write their entry in the same transaction as what they store, and the
// log stores any JavaScript string the store itself accepted.

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
let store: Store;
let hospiceId: string;
const now = new Date('2026-05-04T09:00:00.000Z');

const audit = (actor: string, path = '/test'): AuditContext => ({
  actor,
  role: 'administrator',
  method: 'POST',
  path,
  status: 201,
  hospiceId: null,
  regionCode: null,
});

async function entriesOf(actor: string) {
  const { items } = await listAudit(store.db, { limit: 1000, offset: 0 });
  return items.filter((e) => e.actor === actor).reverse();
}

async function count(table: 'api_token' | 'app_user' | 'scenario' | 'hospice' | 'postcode') {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Runs `body` while the log refuses entries by the actor 'refused'. */
async function whileRefused(body: () => Promise<void>): Promise<void> {
  await sql`alter table audit_log add constraint refuses_test_actor check (actor <> 'refused')`.execute(
    store.db,
  );
  try {
    await body();
  } finally {
    await sql`alter table audit_log drop constraint refuses_test_actor`.execute(store.db);
  }
}

const scenario = (id: string) => ({
  ...SCENARIOS[0]!,
  id,
  name: `Eigen scenario ${id}`,
  description: 'Een variant voor de toets',
});

beforeAll(async () => {
  store = await openTestStore();
  hospiceId = await createUtrechtHospice(store, 'Hospice Audit Overal', 4, now);
});
afterAll(async () => {
  await store.close();
});

describe(`every change has its audit entry in the same transaction (${storeName})`, () => {
  it('the log stores lone surrogates and NUL, in values and in keys', async () => {
    await appendAudit(store.db, {
      ...audit('odd\u0000actor'),
      at: now.toISOString(),
      before: { 'key\ud800': 'gap \ud800', nul: 'a\u0000b', pair: 'ok 😀', low: '\udc00x' },
      after: ['\ud83d', 1, null, true],
    });
    const [entry] = await entriesOf('odd\uFFFDactor');
    expect(entry!.before).toEqual({
      'key\uFFFD': 'gap \uFFFD',
      nul: 'a\uFFFDb',
      pair: 'ok 😀',
      low: '\uFFFDx',
    });
    expect(entry!.after).toEqual(['\uFFFD', 1, null, true]);
  });

  it('a token label with a lone surrogate is stored with its entry', async () => {
    const { summary } = await createApiToken(
      store.db,
      { hospiceId, label: 'gap \ud800', actor: 'admin-1' },
      now,
      audit('admin-1'),
    );
    const entries = await entriesOf('admin-1');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      before: null,
      after: { id: summary.id, label: 'gap \uFFFD' },
    });
    expect(JSON.stringify(entries[0]!.after)).not.toMatch(/pm_[0-9a-f]{12}_/);
  });

  it('creating and revoking a token: one entry each, with before; a second revoke none', async () => {
    const { summary } = await createApiToken(
      store.db,
      { hospiceId, label: 'kassa', actor: 'admin-2' },
      now,
      audit('admin-2'),
    );
    await revokeApiToken(store.db, summary.id, now, audit('admin-2'));
    await revokeApiToken(store.db, summary.id, now, audit('admin-2'));
    const [created, revoked, ...more] = await entriesOf('admin-2');
    expect(more).toEqual([]);
    expect(created).toMatchObject({ before: null, after: { id: summary.id, revokedAt: null } });
    expect(revoked).toMatchObject({
      before: { id: summary.id, revokedAt: null },
      after: { id: summary.id, revokedAt: now.toISOString() },
    });
  });

  it('creating an account: one entry, without the password', async () => {
    const user = await createUser(
      store.db,
      {
        email: 'nieuw@example.org',
        name: 'Nieuw Account',
        password: 'een-heel-geheim-wachtwoord',
        roles: [{ role: 'national-analyst', scope: null }],
      },
      now,
      audit('admin-3'),
    );
    const entries = await entriesOf('admin-3');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      before: null,
      after: { id: user.id, name: 'Nieuw Account' },
    });
    expect(JSON.stringify(entries[0])).not.toContain('een-heel-geheim');
  });

  it('saving a scenario: one entry', async () => {
    await saveScenario(
      store.db,
      scenario('audit-een'),
      { actor: 'a4', now },
      null,
      audit('admin-4'),
    );
    const entries = await entriesOf('admin-4');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ after: { scenario: { id: 'audit-een' } } });
  });

  it('a same-day re-import keeps what it overwrote (licensed beds 4 → 9)', async () => {
    const csv = (beds: number) =>
      `ref,name,place,gemeente_code,type,licensed_beds\nimp-1,Hospice Import,Utrecht,GM0344,bth,${beds}\n`;
    const ctx = { actor: 'cli:import', now };
    await importHospiceCsv(store.db, csv(4), ctx, audit('import-1', 'import hospices'));
    await importHospiceCsv(store.db, csv(4), ctx, audit('import-1', 'import hospices'));
    await importHospiceCsv(store.db, csv(9), ctx, audit('import-1', 'import hospices'));
    const [created, changed, ...more] = await entriesOf('import-1');
    expect(more).toEqual([]); // the unchanged second import wrote nothing
    expect(created).toMatchObject({
      regionCode: 'ZK23',
      before: null,
      after: { licensedBeds: 4, name: 'Hospice Import' },
    });
    expect(changed).toMatchObject({
      hospiceId: created!.hospiceId,
      regionCode: 'ZK23',
      before: { licensedBeds: 4 },
      after: { licensedBeds: 9 },
    });
  });

  it('reference-data imports write one entry each', async () => {
    await importPostcodes(
      store.db,
      'pc4,lat,lon,gemeente_code,gemeente_naam\n3511,52.09,5.12,GM0344,Utrecht\n',
      { audit: audit('ref-1', 'import postcodes'), now },
    );
    await importCbsTable(
      store.db,
      readFileSync(`${fixtures}cbs/03759ned_TypedDataSet.json`, 'utf8'),
      { fileName: '03759ned_TypedDataSet.json', audit: audit('ref-1', 'import cbs'), now },
    );
    await importBoundaries(
      store.db,
      readFileSync(`${fixtures}geo/gemeente_rd_2024.geojson`, 'utf8'),
      {
        fileName: 'gemeente_rd_2024.geojson',
        audit: audit('ref-1', 'import boundaries'),
        now,
      },
    );
    const entries = await entriesOf('ref-1');
    expect(entries.map((e) => e.path)).toEqual([
      'import postcodes',
      'import cbs',
      'import boundaries',
    ]);
    expect(entries[0]!.after).toEqual({ postcodes: 1 });
    expect(entries[2]!.after).toMatchObject({ layer: 'gemeente', year: 2024 });
  });

  it('when the entry cannot be written, none of these changes is stored', async () => {
    const refused = audit('refused');
    const { summary } = await createApiToken(
      store.db,
      { hospiceId, label: 'blijft', actor: 'x' },
      now,
      audit('admin-5'),
    );
    const before = {
      tokens: await count('api_token'),
      users: await count('app_user'),
      scenarios: await count('scenario'),
      hospices: await count('hospice'),
      postcodes: await count('postcode'),
    };
    await whileRefused(async () => {
      const refuses = /refuses_test_actor/;
      await expect(
        createApiToken(store.db, { hospiceId, label: 'nee', actor: 'x' }, now, refused),
      ).rejects.toThrow(refuses);
      await expect(revokeApiToken(store.db, summary.id, now, refused)).rejects.toThrow(refuses);
      await expect(
        createUser(
          store.db,
          {
            email: 'geweigerd@example.org',
            name: 'Nee',
            password: 'lang-genoeg-wachtwoord',
            roles: [],
          },
          now,
          refused,
        ),
      ).rejects.toThrow(refuses);
      await expect(
        saveScenario(store.db, scenario('geweigerd'), { actor: 'x', now }, null, refused),
      ).rejects.toThrow(refuses);
      await expect(
        importHospiceCsv(
          store.db,
          'ref,name,place,gemeente_code,type,licensed_beds\nimp-2,Hospice Nee,Utrecht,GM0344,bth,3\n',
          { actor: 'x', now },
          refused,
        ),
      ).rejects.toThrow(refuses);
      await expect(
        importPostcodes(
          store.db,
          'pc4,lat,lon,gemeente_code,gemeente_naam\n3512,52.1,5.1,GM0344,Utrecht\n',
          {
            audit: refused,
            now,
          },
        ),
      ).rejects.toThrow(refuses);
    });
    expect({
      tokens: await count('api_token'),
      users: await count('app_user'),
      scenarios: await count('scenario'),
      hospices: await count('hospice'),
      postcodes: await count('postcode'),
    }).toEqual(before);
    expect((await findApiToken(store.db, summary.id))!.revokedAt).toBeNull();
  });
});
