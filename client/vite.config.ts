import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Resolved from this file, not the cwd, so `vite --config client/vite.config.ts` and the programmatic build in
// scripts/build-client.ts agree no matter where they are started from.
const root = fileURLToPath(new URL('.', import.meta.url));

// The API server the dev server forwards /api to; override when the server runs elsewhere.
const apiTarget = process.env.MONEYTRAIL_API_URL ?? 'http://localhost:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Keeps every asset a real file: a strict CSP without `data:` in default-src must still load the bundle.
    assetsInlineLimit: 0,
    // Cytoscape + fcose alone are ~600 kB minified; the bundle is served once from the local server, so the
    // default 500 kB warning would only be noise.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
