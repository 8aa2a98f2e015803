import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { compiledCatalogue, isCatalogue } from './scripts/catalogues.js';

export default defineConfig({
  // The code under test loads its messages as the build does: each catalogue compiled to functions.
  plugins: [
    {
      name: 'catalogues',
      enforce: 'pre',
      // Named as a module of its own, so that Vite's JSON plugin leaves the compiled code alone.
      async resolveId(source, importer, options) {
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        return resolved && isCatalogue(resolved.id) ? `${resolved.id}.js` : null;
      },
      load: (id) => (id.endsWith('.json.js') && isCatalogue(id.slice(0, -3)) ? compiledCatalogue(id.slice(0, -3)) : null),
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    // The HTML report in a real browser has its own run (npm run test:browser, vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    // A throwaway PostgreSQL for the run, unless COMPLAINTS_TEST_POSTGRES names one.
    globalSetup: ['test/support/temporary-folder.ts', 'test/support/postgres-server.ts'],
    setupFiles: ['test/support/language.ts'],
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
