import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSession,
  createUser,
  findSession,
  SESSION_IDLE_HOURS,
  SESSION_MAX_DAYS,
  type Store,
} from '../src/index';
import { openTestStore, storeName } from './test-store';

// Sessions end after SESSION_IDLE_HOURS without use and at the latest SESSION_MAX_DAYS after
// sign-in, whatever the use.

const HOUR = 3_600_000;
const start = new Date('2026-06-01T08:00:00Z');
const at = (hours: number) => new Date(start.getTime() + hours * HOUR);

let store: Store;
let userId: string;

beforeAll(async () => {
  store = await openTestStore({ reference: false });
  const user = await createUser(
    store.db,
    {
      email: 'vrijwilliger@example.org',
      name: 'Vrijwilliger',
      password: 'lang-genoeg-wachtwoord',
      roles: [],
    },
    start,
  );
  userId = user.id;
});
afterAll(async () => {
  await store.close();
});

describe(`sessions (${storeName})`, () => {
  it('stay valid while used, beyond the idle window counted from sign-in', async () => {
    const { sessionId } = await createSession(store.db, userId, start);
    // Used every 10 hours: each use moves the end, so hour 30 is still inside the session.
    for (const hours of [10, 20, 30]) {
      expect(await findSession(store.db, sessionId, at(hours))).toBeDefined();
    }
  });

  it('end after the idle window without use', async () => {
    const { sessionId } = await createSession(store.db, userId, start);
    const used = SESSION_IDLE_HOURS - 1;
    expect(await findSession(store.db, sessionId, at(used))).toBeDefined();
    // That use moved the end to `used + SESSION_IDLE_HOURS`; an hour after it, it is over.
    expect(
      await findSession(store.db, sessionId, at(used + SESSION_IDLE_HOURS + 1)),
    ).toBeUndefined();
  });

  it('end at the absolute limit, however often they are used', async () => {
    const { sessionId } = await createSession(store.db, userId, start);
    const limit = SESSION_MAX_DAYS * 24;
    for (let hours = 6; hours < limit; hours += 6) {
      expect(await findSession(store.db, sessionId, at(hours))).toBeDefined();
    }
    expect(await findSession(store.db, sessionId, at(limit))).toBeUndefined();
  });
});
