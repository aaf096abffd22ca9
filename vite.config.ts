import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `--mode bench` adds the bare TF.js baseline page used by `npm run bench`.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
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
  preview: { host: '127.0.0.1', port: 4173 },
}));
