import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/temporary-folder.ts'],
    // End-to-end tests start the real binary many times; give a slow machine room.
    testTimeout: 30_000,
  },
});
