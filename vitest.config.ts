import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Components take seconds to transpile on two cores; files run in parallel workers anyway.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
