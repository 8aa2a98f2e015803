import { defineConfig } from 'vitest/config';

// The HTML report in a real browser (Debian's Chromium): apart from `npm test`, as CI installs
// the browser only for these.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/support/temporary-folder.ts'],
    // Starting Chromium and printing to PDF on a loaded two-core machine takes seconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
