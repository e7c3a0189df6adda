import {
  findHospiceIdByRef,
  importHospiceCsv,
  RETURN_CSV_COLUMNS,
  type Store,
} from '@palliamonitor/data';
import { openTestStore } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import type { LightMyRequestResponse as Response } from 'fastify';
import { makeActors, type Actor } from './security-fixtures';

export const RETURNS_HEADER = RETURN_CSV_COLUMNS.join(',');

export interface WriteFixture {
  store: Store;
  app: App;
  /** One signed-in account per role (the editor and the token for the first hospice). */
  actors: Record<string, Actor>;
  /** Hospice id by ref. */
  ids: Record<string, string>;
  /** A request by one of the actors. */
  as(actor: string, options: { method: string; url: string; payload?: unknown }): Promise<Response>;
  /** A returns file sent by `actor`: lines after the header, or the file's bytes. */
  uploadReturns(actor: string, file: string[] | Buffer): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A store with the given hospices (`ref,name,place,gemeente_code,type,licensed_beds,opened_on`
 * rows, registered at `now`), an app on it, and one account per role.
 */
export async function openWriteFixture(
  hospiceRows: string[],
  now: Date,
  storeOptions: { maxConnections?: number } = {},
): Promise<WriteFixture> {
  const store = await openTestStore(storeOptions);
  const app = await buildApp(store, { now: () => now });
  await importHospiceCsv(
    store.db,
    ['ref,name,place,gemeente_code,type,licensed_beds,opened_on', ...hospiceRows].join('\n'),
    { actor: 'test', now },
  );
  const ids: Record<string, string> = {};
  for (const row of hospiceRows) {
    const ref = row.split(',')[0]!;
    ids[ref] = (await findHospiceIdByRef(store.db, ref))!;
  }
  const actors = await makeActors(app, store, ids[hospiceRows[0]!.split(',')[0]!]!, now);
  return {
    store,
    app,
    actors,
    ids,
    as: (actor, options) => app.inject({ ...options, headers: actors[actor]!.headers } as never),
    uploadReturns: (actor, file) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/returns',
        headers: { ...actors[actor]!.headers, 'content-type': 'text/csv' },
        payload: Array.isArray(file) ? [RETURNS_HEADER, ...file].join('\n') : file,
      }),
    async close() {
      await app.close();
      await store.close();
    },
  };
}
