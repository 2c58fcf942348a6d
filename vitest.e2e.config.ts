import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium and Firefox with the built extension (test/e2e/README.md).
// Each file starts its own browser; a 2-core machine runs at most two files at once, and a browser
// start (Firefox ~5 s) plus a restart fits well within the generous timeouts. No retries: a flaky
// e2e test is a bug to fix, not to hide.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    fileParallelism: true,
    maxWorkers: 2,
    retry: 0,
  },
});
