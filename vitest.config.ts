import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The HTML report in a browser has its own run (npm run test:browser, vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    globalSetup: ['test/support/temporary-folder.ts'],
    // End-to-end tests start the real binary many times; give a slow machine room.
    testTimeout: 30_000,
  },
});
