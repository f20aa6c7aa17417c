import { defineConfig } from 'vitest/config';

/** Real-Chromium tests of the built extension (.output/chrome-mv3): one browser at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    hookTimeout: 90_000,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
