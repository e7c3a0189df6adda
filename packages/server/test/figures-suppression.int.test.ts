import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@palliamonitor/data';
import { storeName } from '../../data/test/test-store';
import type { App } from '../src/context';
import { amsterdamHospice, OUTSIDERS, openApp, readOk, signedIn } from './small-counts-helpers';

// The organisation view and the viability signal show a facility's bed-days of the last twelve
// months, and a group or signal can be one quiet facility: two guests of one night each are two
// bed-days, which could point at them. They are cut as the statistics are.

let store: Store;
let app: App;
let admin: Record<string, string>;
let id: string;
const clock = new Date('2026-03-15T10:00:00Z');

const read = (url: string, headers: Record<string, string> = {}) => readOk(app, url, headers);

beforeAll(async () => {
  ({ store, app, admin } = await openApp(clock));
  // The only hospice of Amsterdam (ZK02): two admissions in February of one night each.
  id = await amsterdamHospice(app, admin, 'Hospice Stil', 4);
  for (const [admittedOn, departedOn] of [
    ['2026-02-01', '2026-02-02'],
    ['2026-02-10', '2026-02-11'],
  ]) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/hospices/${id}/stays`,
      headers: admin,
      payload: { admittedOn, origin: 'home', departure: { departedOn, kind: 'discharged-home' } },
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await app.close();
  await store.close();
});

/** Every group of the answer's dimensions (and of its regional mix). */
const groupsOf = (body: {
  groups: Record<string, unknown[]>;
  mix: Array<{ groups: Record<string, unknown[]> }>;
}) => [body.groups, ...body.mix.map((m) => m.groups)].flatMap((g) => Object.values(g).flat());

describe(`small counts in the organisation view and viability (${storeName})`, () => {
  it('are suppressed for the public: null and named', async () => {
    for (const code of ['ZK02', 'NL']) {
      const groups = groupsOf(await read(`/api/v1/regions/${code}/organisation`));
      expect(groups.length).toBeGreaterThan(0);
      for (const group of groups) {
        expect(group).toMatchObject({
          bedDays: null,
          cost: null,
          suppressed: expect.arrayContaining(['bedDays', 'cost']),
        });
      }
    }
    const hospice = await read(`/api/v1/hospices/${id}/viability`);
    expect(hospice).toMatchObject({
      bedDays: null,
      occupancy: null,
      suppressed: ['bedDays', 'occupancy'],
    });
    const region = await read('/api/v1/regions/ZK02/viability');
    expect(region).toMatchObject({ bedDays: null, suppressed: ['bedDays', 'occupancy'] });
    expect(region.hospices[0]).toMatchObject({ hospiceId: id, bedDays: null, occupancy: null });
    const page = await read(`/api/v1/hospices/${id}/page`);
    expect(page.viability).toMatchObject({ bedDays: null, occupancy: null });
  });

  it('are shown to the hospice’s own staff, its regisseur and administrators', async () => {
    const editor = await signedIn(app, store, clock, 'hospice-editor', id);
    const regisseur = await signedIn(app, store, clock, 'regisseur', 'ZK02');
    for (const headers of [editor, regisseur, admin]) {
      const hospice = await read(`/api/v1/hospices/${id}/viability`, headers);
      expect(hospice).toMatchObject({ bedDays: 2, suppressed: [] });
      expect((await read(`/api/v1/hospices/${id}/page`, headers)).viability.bedDays).toBe(2);
    }
    for (const headers of [regisseur, admin]) {
      const region = await read('/api/v1/regions/ZK02/viability', headers);
      expect(region).toMatchObject({ bedDays: 2, suppressed: [] });
      const groups = groupsOf(await read('/api/v1/regions/ZK02/organisation', headers));
      expect(groups).toContainEqual(expect.objectContaining({ bedDays: 2, suppressed: [] }));
    }
    // The nation spans regions: only administrators see its small counts.
    const national = groupsOf(await read('/api/v1/regions/NL/organisation', admin));
    expect(national).toContainEqual(expect.objectContaining({ bedDays: 2 }));
  });

  it('are suppressed for another region’s regisseur, a care professional and an analyst', async () => {
    for (const [role, scope] of OUTSIDERS) {
      const headers = await signedIn(app, store, clock, role, scope);
      expect((await read(`/api/v1/hospices/${id}/viability`, headers)).bedDays).toBeNull();
      const groups = groupsOf(await read('/api/v1/regions/ZK02/organisation', headers));
      expect(groups.every((g) => (g as { bedDays: unknown }).bedDays === null)).toBe(true);
    }
  });
});
