import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm run bench` as a developer runs it, against a PostgreSQL that is not there: a port that was
// free a moment ago (taken and released here), so nothing answers on it.
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error('no port');
  }
  return address.port;
}

/** `npm run bench -- …words` with BENCH_DATABASE_URL on a port where nothing listens. */
async function benchWithoutDatabase(words: string[]) {
  const port = await freePort();
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('bench.ts', import.meta.url)), ...words],
    {
      env: {
        ...process.env,
        BENCH_DATABASE_URL: `postgres://bench:secret@127.0.0.1:${port}/pm_nowhere`,
      },
      encoding: 'utf8',
    },
  );
  return { ...result, port };
}

describe('npm run bench', () => {
  it('names an unreachable BENCH_DATABASE_URL in one line and exits with 2', async () => {
    const result = await benchWithoutDatabase(['postgres']);
    expect(result.status).toBe(2);
    const stderr = result.stderr.trim();
    // The store named as the CLI names it: host, port and database, never user or password.
    expect(stderr.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^bench: BENCH_DATABASE_URL: cannot connect to PostgreSQL 127\\.0\\.0\\.1:${result.port}/pm_nowhere: .*ECONNREFUSED`,
        ),
      ),
    ]);
    expect(stderr).not.toContain('secret');
    expect(stderr).not.toContain('bench@');
    expect(result.stdout).toBe('');
  });

  it('checks the database before any benchmark measures, so none is run in vain', async () => {
    // The model suite comes first and needs no database: it must not have run.
    const result = await benchWithoutDatabase(['erlang', 'postgres']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^bench: BENCH_DATABASE_URL: cannot connect to PostgreSQL /);
    expect(result.stdout).toBe('');
  });
});
