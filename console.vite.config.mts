import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The brand console: a plain web app (no Electron), built to out/console and served by the feed
 * server under /console/ (src/server/http/consoleStatic.ts). `npm run build` builds it.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/console'),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/console'),
    emptyOutDir: true,
    // The server's CSP allows no inline script or style; Vite's module preload polyfill is inline.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
