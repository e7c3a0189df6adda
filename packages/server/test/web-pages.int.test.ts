import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHospice, type Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';

// The web app's page paths: known pages answer index.html with 200; unknown paths, unknown
// regions and unknown hospices answer the same page with 404 (the app shows "page not found");
// unknown API paths stay problem+json.

let store: Store;
let app: App;
let root: string;
let hospiceId: string;
const previous = process.env['WEB_DIST'];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'palliamonitor-web-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Palliamonitor</title>');
  writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  process.env['WEB_DIST'] = root;
  store = await openTestStore();
  const now = new Date('2026-03-01T10:00:00Z');
  hospiceId = (
    await createHospice(
      store.db,
      {
        name: 'Hospice Pagina',
        place: 'Utrecht',
        gemeenteCode: 'GM0344',
        type: 'bth',
        licensedBeds: 4,
        openedOn: '2020-01-01',
      },
      { actor: 'test', now },
    )
  ).id;
  app = await buildApp(store, { now: () => now });
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(root, { recursive: true, force: true });
  if (previous === undefined) {
    delete process.env['WEB_DIST'];
  } else {
    process.env['WEB_DIST'] = previous;
  }
});

const get = (url: string) => app.inject({ url, headers: { accept: 'text/html' } });

describe(`web pages (${storeName})`, () => {
  it('answers known pages, regions and hospices with the app and 200', async () => {
    for (const url of [
      '/',
      '/bedden',
      '/regio/ZK23',
      '/regio/zk23',
      `/hospice/${hospiceId}`,
      '/assets/app-1234.js',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
    }
  });

  it('answers unknown paths, regions and hospices with the HTML page and 404', async () => {
    for (const url of [
      '/bestaat-niet',
      '/Bedden',
      '/regio/',
      '/regio/ZK99',
      '/regio/ZK99/rapport',
      '/regio/GM0344',
      '/hospice/bestaat-niet',
      '/bedden/extra',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('<title>Palliamonitor</title>');
    }
  });

  it('keeps problem+json for unknown API paths', async () => {
    const res = await get('/api/v1/bestaat-niet');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
