// Vite build of the explorer UI into web/dist, which `parley serve` serves as static files.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // Preact's automatic JSX runtime without a framework plugin keeps the toolchain to Vite alone.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP forbids inline script; a separate module file is also what `script-src 'self'` allows.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:7399' } },
});
