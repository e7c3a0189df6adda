import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bedStatusHorizon,
  followOccupancy,
  latestBedStatusEventId,
  setBedStatus,
  type Store,
} from '../src/index';
import { createUtrechtHospice, openTestStore, storeName } from './test-store';

// Bed-status writers of different facilities do not wait for each other, while a reader of the
// event log still never sees an id before a lower one that can yet commit. Only PostgreSQL has
// writers in several sessions at once; on the embedded store one session runs one transaction at
// a time, and the horizon is simply the highest id.

let store: Store;
let first: string;
let second: string;
const now = new Date('2026-03-15T10:00:00.000Z');
const ctx = { actor: 'test', now };
const options = { freshnessHours: 24 };
const concurrent = storeName === 'PostgreSQL';

beforeAll(async () => {
  store = await openTestStore({ maxConnections: 4 });
  first = await createUtrechtHospice(store, 'Eerste', 8, now);
  second = await createUtrechtHospice(store, 'Tweede', 8, now);
  await setBedStatus(store.db, first, { bedsOpen: 8, bedsOccupied: 2 }, ctx, options);
});

afterAll(async () => {
  await store.close();
});

describe(`bed-status write locks (${storeName})`, () => {
  it.runIf(concurrent)(
    'a write of one facility goes through while a write of another is still open; the horizon waits for it',
    async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      let openId = 0;
      // A movement of the first facility: its event id is drawn, its transaction stays open.
      const open = store.db.transaction().execute(async (trx) => {
        const row = await followOccupancy(trx, first, 1, ctx);
        openId = Number(row!.id);
        locked();
        await held;
      });
      await isLocked;
      // With one lock for all writers this would wait for the open transaction: it never ends.
      const other = await setBedStatus(
        store.db,
        second,
        { bedsOpen: 8, bedsOccupied: 3 },
        ctx,
        options,
      );
      let horizon: number | undefined;
      const horizonRead = bedStatusHorizon(store.db, true).then((h) => (horizon = h));
      // Round trips of other sessions meanwhile: the horizon still waits for the open writer.
      for (let i = 0; i < 3; i++) {
        await latestBedStatusEventId(store.db);
      }
      expect(horizon).toBeUndefined();
      release();
      await open;
      await horizonRead;
      expect(openId).toBeLessThan(other.event.id);
      expect(horizon).toBe(other.event.id);
    },
  );

  it('the horizon is an id every event below which is stored', async () => {
    const horizon = await bedStatusHorizon(store.db, concurrent);
    expect(horizon).toBe(await latestBedStatusEventId(store.db));
  });
});
