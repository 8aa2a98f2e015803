import { defineConfig } from 'vitest/config';
import everyEngine from './vitest.config.js';

// The tests of what the commands do, whichever engine keeps the logbook, run again with every
// logbook they make in a schema of the test PostgreSQL (test/support/postgres.ts). What only a
// file can show (its modes, damage, a crash mid-write, read-only media) stays with the first run.
export default defineConfig({
  plugins: everyEngine.plugins,
  test: {
    ...everyEngine.test,
    include: [
      'test/commands/bad-input.test.ts',
      'test/commands/export-import.test.ts',
      'test/commands/filters.test.ts',
      'test/commands/lifecycle.test.ts',
      'test/e2e/actions.test.ts',
      'test/e2e/approvals.test.ts',
      'test/e2e/bad-input.test.ts',
      'test/e2e/causes.test.ts',
      'test/e2e/export-import.test.ts',
      'test/e2e/language.test.ts',
      'test/e2e/lifecycle.test.ts',
      'test/e2e/natures.test.ts',
      'test/e2e/report.test.ts',
      'test/e2e/robustness.test.ts',
      'test/e2e/smoke.test.ts',
      'test/e2e/steps-at-the-till.test.ts',
      'test/e2e/till.test.ts',
      'test/e2e/tills.test.ts',
      'test/e2e/undo.test.ts',
      'test/e2e/widths.test.ts',
    ],
    env: { COMPLAINTS_TEST_ENGINE: 'postgres' },
  },
});
