import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The dev server injects an inline React Refresh preamble and talks over a websocket; the strict
 * CSP in index.html is relaxed for `npm start` only. Built files keep the strict policy.
 */
function devCsp(): Plugin {
  return {
    name: 'gigdesk-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
  };
}

export default defineConfig({
  main: {
    build: { outDir: 'out/main' },
  },
  preload: {
    // A sandboxed preload cannot require node_modules: bundle everything but electron.
    build: { outDir: 'out/preload', externalizeDeps: false },
  },
  renderer: {
    root: 'src/renderer',
    build: { outDir: 'out/renderer' },
    plugins: [react(), devCsp()],
  },
});
