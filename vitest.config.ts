import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Fonts are large (10–15 MB); parsing them once per worker keeps the suite quick on 2 cores.
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
