import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'pytorch/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/core/testing/setupTfCpu.ts'],
    testTimeout: 30_000,
  },
});
