import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY_HEADER, contentSecurityPolicy } from './scripts/contentSecurityPolicy.ts';

/** The worker bundle (TF.js and its backends) is ~2.4 MB: precache files up to 8 MiB. */
const LARGEST_PRECACHED_FILE = 8 * 1024 * 1024;

// `--mode bench` adds the bare TF.js baseline page used by `npm run bench`.
export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    // No request to another origin: the built pages carry a Content-Security-Policy (see the file).
    contentSecurityPolicy(),
    // Offline after the first visit: a generated service worker precaches the whole build (page,
    // worker, the TF.js WASM binaries, the sample CSVs). The bench build measures load times, so it
    // gets none (`disable` still resolves `virtual:pwa-register`, to a no-op).
    VitePWA({
      disable: mode === 'bench',
      strategies: 'generateSW',
      // A new version waits until the person reloads (the page says so): never a reload mid-run.
      registerType: 'prompt',
      injectRegister: null, // src/ui/offline/registerOffline.ts registers it
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,csv,json,svg,png}'],
        maximumFileSizeToCacheInBytes: LARGEST_PRECACHED_FILE,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install controls the open page at once (so it is offline-ready without a reload);
        // an update still waits for the person (registerType 'prompt').
        clientsClaim: true,
        // One self-contained sw.js: the Workbox runtime is bundled in, nothing loads from a CDN.
        inlineWorkboxRuntime: true,
        sourcemap: false,
      },
    }),
  ],
  worker: { format: 'es' },
  // The bench build uses React's profiling build, so <Profiler> reports each chart's redraw cost.
  resolve: mode === 'bench' ? { alias: { 'react-dom/client': 'react-dom/profiling' } } : {},
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    outDir: mode === 'bench' ? 'dist-bench' : 'dist',
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        ...(mode === 'bench' ? { bare: fileURLToPath(new URL('./bench/bare.html', import.meta.url)) } : {}),
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    // The same policy as a header: it also covers the worker and sw.js, and forbids framing.
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER },
  },
}));
