import { defineConfig } from 'vitest/config';

// Integration tests against real local infrastructure, without a browser: a real anvil node and the
// registry's contracts compiled with solc-js (test/integration/**). Run with
//   npx vitest run --config vitest.integration.config.ts
// The first run after a contract change compiles with solc-js (~10 s on a 2-core machine, then cached
// in .cache/contracts/); each file starts its own anvil node(s) on free ports and stops them in afterAll.
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    fileParallelism: true,
    maxWorkers: 2,
    retry: 0,
  },
});
