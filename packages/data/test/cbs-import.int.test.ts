import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, importCbsTable, type Store } from '../src/index';
import { openTestStore, storeName } from './test-store';

// A CBS table imported from a stream (as the CLI reads a file) stores exactly what the same file
// imported as text stores, and a broken stream stores nothing.

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
});
