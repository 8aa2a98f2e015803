import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The HTML report in a real browser has its own run (npm run test:browser, vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    // A throwaway PostgreSQL for the run, unless COMPLAINTS_TEST_POSTGRES names one.
    globalSetup: ['test/support/temporary-folder.ts', 'test/support/postgres-server.ts'],
    // Most test files spend their time waiting on the binaries they start, so one file more than
    // there are cores keeps the machine busy: on 2 cores the suite took 345 s by default (one
    // file at a time), 189 s with three.
    maxWorkers: availableParallelism() + 1,
    // End-to-end tests start the real binary many times; give a slow machine room, in the hooks
    // that make a test file's logbook too (on PostgreSQL, 2026-12-01, one took over 10 s).
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
