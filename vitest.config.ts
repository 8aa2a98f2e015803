import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start the real binary many times; give a slow machine room.
    testTimeout: 30_000,
  },
});
