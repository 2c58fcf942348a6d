import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // The vault tests run PBKDF2 at 600,000 iterations; a loaded 2-core machine needs headroom.
    testTimeout: 30_000,
  },
});
