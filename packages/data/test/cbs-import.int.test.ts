import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, importCbsTable, type Store } from '../src/index';
import { openTestStore, storeName } from './test-store';

// A CBS table imported from a stream (as the CLI reads a file) stores exactly what the same file
// imported as text stores, and a broken stream stores nothing; nor does a failure in any batch.

const fixture = fileURLToPath(new URL('./fixtures/cbs/03759ned_TypedDataSet.csv', import.meta.url));
const fileName = '03759ned_TypedDataSet_20250101.csv';
let store: Store;

beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

const stored = () =>
  store.db
    .selectFrom('demographic_value')
    .select(['measure', 'region_code', 'year', 'sex', 'age_band', 'kind', 'value', 'table_id'])
    .where('table_id', '=', '03759ned')
    .orderBy(['region_code', 'year', 'sex', 'age_band'])
    .execute();

describe(`importCbsTable from a stream (${storeName})`, () => {
  it('stores the same figures as the text of the same file', async () => {
    const streamed = await importCbsTable(
      store.db,
      createReadStream(fixture, { highWaterMark: 64 }),
      {
        fileName,
      },
    );
    const fromStream = await stored();
    expect(fromStream.map((r) => `${r.region_code} ${r.sex} ${r.age_band} ${r.value}`)).toContain(
      'GM0014 total 80+ 8400',
    );
    await store.db.deleteFrom('demographic_value').where('table_id', '=', '03759ned').execute();
    const text = await importCbsTable(store.db, readFileSync(fixture, 'utf8'), { fileName });
    expect(await stored()).toEqual(fromStream);
    expect(streamed).toEqual(text);
  });

  it('stores nothing from a stream whose CSV breaks half-way', async () => {
    await store.db.deleteFrom('demographic_value').where('table_id', '=', '03759ned').execute();
    const broken = readFileSync(fixture, 'utf8') + '"9";"T001038";"10000";"T001019";"GM0034"x;\n';
    async function* chunks() {
      yield Buffer.from(broken);
    }
    const error = await importCbsTable(store.db, chunks(), { fileName }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/nothing was imported/);
    expect(await stored()).toEqual([]);
  });

  it('stores nothing when a later batch of a long table fails, and keeps what was there', async () => {
    // 6,000 gemeenten: more figures than one insert takes, so the import is several statements.
    const regions = Array.from({ length: 6000 }, (_, n) => `GM${String(n + 1).padStart(4, '0')}`);
    const text = [
      '"ID";"Geslacht";"RegioS";"Perioden";"Overledenen_5"',
      ...regions.map((region, n) => `"${n}";"T001038";"${region}";"2021JJ00";"${n % 90}"`),
    ].join('\n');
    await store.db
      .insertInto('demographic_value')
      .values({
        measure: 'deaths',
        region_code: 'GM0001',
        year: 2021,
        sex: 'total',
        age_band: 'total',
        kind: 'observed',
        value: 77,
        source: 'earlier import',
        table_id: '37259ned',
      })
      .execute();
    // The last gemeente's figure is refused by the store, after the first batches went in.
    await sql`create function refuse_gm6000() returns trigger language plpgsql as $$
      begin
        if new.region_code = 'GM6000' then raise exception 'refused GM6000'; end if;
        return new;
      end $$`.execute(store.db);
    await sql`create trigger refuse_gm6000 before insert on demographic_value
      for each row execute function refuse_gm6000()`.execute(store.db);
    try {
      async function* chunks() {
        yield Buffer.from(text);
      }
      const error = await importCbsTable(store.db, chunks(), {
        fileName: '37259ned_TypedDataSet.csv',
      }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/refused GM6000/);
    } finally {
      await sql`drop trigger refuse_gm6000 on demographic_value`.execute(store.db);
      await sql`drop function refuse_gm6000()`.execute(store.db);
    }
    const deaths = await store.db
      .selectFrom('demographic_value')
      .select(['region_code', 'value', 'source'])
      .where('table_id', '=', '37259ned')
      .execute();
    expect(deaths).toEqual([{ region_code: 'GM0001', value: 77, source: 'earlier import' }]);
  });
});
