import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

// Browser tests against the real server (embedded store, demo data seeded on first start) on a
// free port with a fresh data folder: no mocks. The system Chromium is used; nothing is downloaded.
// The port and folder are chosen once, in the runner, and inherited by the workers through the env.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function freePort(): string {
  return execFileSync(process.execPath, [
    '-e',
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}

process.env['E2E_PORT'] ??= freePort();
process.env['E2E_DATA_DIR'] ??= mkdtempSync(join(tmpdir(), 'palliamonitor-e2e-'));
const port = process.env['E2E_PORT'];
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  // Hang guards, not speed checks: a test waits on what the page shows, and on a busy machine a
  // page can take many seconds to settle. A passing test never waits for these to run out.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  reporter: process.env['CI'] ? [['list']] : [['list']],
  outputDir: join(tmpdir(), 'palliamonitor-e2e-results'),
  use: {
    baseURL,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'off',
    screenshot: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    // Build the app first, so the tests always see the current code, then start the real server
    // exactly as `npm start` does: nothing is imported beforehand, so postcodes, boundaries and
    // the demo data are what a fresh clone gets from the shipped reference data.
    // E2E_PREBUILT=1 skips the build where the app was just built (CI, whose `npm ci` builds it)
    // and where other tests read packages/web/dist meanwhile: a build empties the folder first.
    command: `${
      process.env['E2E_PREBUILT'] === '1' ? '' : 'npm run build -w @palliamonitor/web && '
    }node packages/cli/bin/palliamonitor.js serve --seed-if-empty`,
    cwd: repoRoot,
    url: `${baseURL}/api/v1/health`,
    // A hang guard, not a speed check: the server is waited for until /health answers, and on a
    // busy machine building the app and seeding the demo store can take minutes.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: port,
      DATA_DIR: process.env['E2E_DATA_DIR'],
      LOG_LEVEL: 'warn',
      // The embedded store in the fresh folder, even where a PostgreSQL URL is set.
      DATABASE_URL: '',
    },
  },
});
