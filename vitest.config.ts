import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'packages/web/e2e/**'],
    // Migrates one embedded store for the whole run; each test file's store starts as its copy.
    globalSetup: ['packages/data/test/global-setup.ts'],
    // Store tests share one PostgreSQL database when TEST_DATABASE_URL is set; each test file makes
    // its own schema, so files may run in parallel, but two cores are all this machine has.
    maxWorkers: 2,
    // Hang guards only, never a speed check: on a loaded machine (CI runs the suite once with both
    // cores busy) a server start or a whole-matrix test may take minutes.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
