import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser.ts';

const PORT = 4391;

/** Playwright drives the benchmark cases; `bench/run.mjs` builds, runs this, and prints the table. */
export default defineConfig({
  testDir: '.',
  testMatch: [
    'bench.spec.ts',
    'engines.spec.ts',
    'soak.spec.ts',
    'heapDiff.spec.ts',
    'bigFile.spec.ts',
    'profileMainThread.spec.ts',
    'traceLongTasks.spec.ts',
    'censusAcceptance.spec.ts',
    'savedRunCost.spec.ts',
  ],
  workers: 1,
  fullyParallel: false,
  timeout: 600_000,
  retries: 0,
  reporter: [['list']],
  outputDir: 'tmp/playwright',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 1000 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite preview --mode bench --host 127.0.0.1 --port ${PORT} --strictPort`,
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
