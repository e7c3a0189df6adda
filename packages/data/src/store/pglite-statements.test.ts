import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { StatementCache } from './pglite-statements';
import { typeParsers } from './type-parsers';

// The embedded store runs every statement through this cache; it must hand back exactly what
// PGlite's own query gives, and stay correct when tables change, statements fail or it is full.

let pglite: PGlite;
let cache: StatementCache;

beforeAll(async () => {
  pglite = new PGlite({ parsers: typeParsers });
  await pglite.waitReady;
  cache = new StatementCache(pglite, 5);
  await pglite.exec(`
    create table sample (
      id bigserial primary key, day date, at timestamptz, amount numeric, n integer,
      flag boolean, label text, doc jsonb, tags text[]
    );`);
});
afterAll(async () => {
  await pglite.close();
});

describe('statement cache of the embedded store', () => {
  it('returns the same values as PGlite query, the first time and from the cache', async () => {
    const insert =
      'insert into sample (day, at, amount, n, flag, label, doc, tags) values ($1, $2, $3, $4, $5, $6, $7, $8) returning *';
    const params = [
      '2026-03-01',
      '2026-03-01T10:15:30.250Z',
      12.5,
      7,
      true,
      'Hospice ’t Anker',
      JSON.stringify({ beds: 5, reason: null }),
      ['a', 'b,c'],
    ];
    const direct = await pglite.query(insert, params);
    const first = await cache.query(insert, params);
    const cached = await cache.query(insert, params);
    const strip = (rows: Array<Record<string, unknown>>) =>
      rows.map(({ id: _id, ...rest }) => rest);
    expect(strip(first.rows as never)).toEqual(strip(direct.rows as never));
    expect(strip(cached.rows as never)).toEqual(strip(direct.rows as never));
    expect(cached.rows[0]).toMatchObject({
      day: '2026-03-01',
      at: '2026-03-01T10:15:30.250Z',
      amount: 12.5,
      doc: { beds: 5, reason: null },
      tags: ['a', 'b,c'],
    });
    expect(cached.affectedRows).toBe(1);
    const select = 'select count(*) as n from sample where label = $1';
    expect((await cache.query(select, ['Hospice ’t Anker'])).rows).toEqual([{ n: 3 }]);
    expect((await cache.query(select, [null])).rows).toEqual([{ n: 0 }]);
  });

  it('a statement that fails to parse is not kept; the error names the query', async () => {
    const before = cache.size;
    const bad = 'select nonsense from nowhere where x = $1';
    await expect(cache.query(bad, [1])).rejects.toMatchObject({ code: '42P01', query: bad });
    expect(cache.size).toBe(before);
  });

  it('reports errors at execution with their SQLSTATE and stays usable', async () => {
    const insert = 'insert into sample (id, label) values ($1, $2)';
    await cache.query(insert, [1000, 'one']);
    await expect(cache.query(insert, [1000, 'again'])).rejects.toMatchObject({ code: '23505' });
    expect((await cache.query('select label from sample where id = $1', [1000])).rows).toEqual([
      { label: 'one' },
    ]);
  });

  it('keeps at most its capacity and prepares an evicted statement again', async () => {
    for (let i = 0; i < 12; i++) {
      const res = await cache.query(`select $1::integer + ${i} as v`, [1]);
      expect(res.rows).toEqual([{ v: 1 + i }]);
      expect(cache.size).toBeLessThanOrEqual(5);
    }
    expect((await cache.query('select $1::integer + 0 as v', [41])).rows).toEqual([{ v: 41 }]);
    // Closed statements are gone from the engine too, not only from the map.
    const { rows } = await pglite.query<{ n: number }>(
      'select count(*)::integer as n from pg_prepared_statements',
    );
    expect(rows[0]!.n).toBe(cache.size);
  });

  it('a table changed under a cached statement: one clear error, then the new shape', async () => {
    await pglite.exec('create table shape (a integer); insert into shape values (1);');
    const select = 'select * from shape';
    expect((await cache.query(select, [])).rows).toEqual([{ a: 1 }]);
    await pglite.exec('alter table shape add column b integer default 2');
    await expect(cache.query(select, [])).rejects.toThrow(/cached plan must not change/);
    expect((await cache.query(select, [])).rows).toEqual([{ a: 1, b: 2 }]);
  });

  it('statements prepared inside a rolled-back transaction still work afterwards', async () => {
    await cache.query('begin', []);
    const select = 'select label from sample where id = $1 and label is not null';
    expect((await cache.query(select, [1000])).rows).toEqual([{ label: 'one' }]);
    await cache.query('insert into sample (id, label) values ($1, $2)', [2000, 'rolled back']);
    await cache.query('rollback', []);
    expect((await cache.query(select, [1000])).rows).toEqual([{ label: 'one' }]);
    expect((await cache.query(select, [2000])).rows).toEqual([]);
  });
});
