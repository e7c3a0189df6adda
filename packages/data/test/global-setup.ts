import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpPgliteStore, openPgliteStore } from '../src/store/pglite-store';
import { migrateToLatest } from '../src/store/migrate';
import { ensureReferenceData } from '../src/registry/reference-data';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Tarballs of a migrated embedded store, without and with the reference data (test-store.ts). */
    testStoreImages: { migrated: string; reference: string } | null;
  }
}

/**
 * Once per run: an embedded store is created, migrated and given the reference data, and dumped at
 * both stages. Each test file's in-memory store then starts as a copy of one of those dumps
 * (openTestStore), so every file still has a store of its own, but initdb, the migrations and the
 * reference import run once instead of once per store. On PostgreSQL each file keeps migrating a
 * schema of its own: there the migrations are cheap and nothing is dumped.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env['TEST_DATABASE_URL']) {
    project.provide('testStoreImages', null);
    return () => {};
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'palliamonitor-test-store-'));
  const store = await openPgliteStore(undefined);
  try {
    await migrateToLatest(store.db);
    const migrated = path.join(dir, 'migrated.tar');
    writeFileSync(migrated, await dumpBytes(store));
    await ensureReferenceData(store.db);
    const reference = path.join(dir, 'reference.tar');
    writeFileSync(reference, await dumpBytes(store));
    project.provide('testStoreImages', { migrated, reference });
  } finally {
    await store.close();
  }
  return () => rmSync(dir, { recursive: true, force: true });
}

async function dumpBytes(store: Parameters<typeof dumpPgliteStore>[0]): Promise<Uint8Array> {
  return new Uint8Array(await (await dumpPgliteStore(store)).arrayBuffer());
}
