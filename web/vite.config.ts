import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The finhelm server sends
//   Content-Security-Policy: default-src 'self'; script-src 'self'; object-src 'none';
//   base-uri 'none'; frame-ancestors 'none'; form-action 'self'
// so the built output must contain no inline <script>, no <style> and no style="" attributes,
// and no data: URLs (img-src, font-src and style-src all fall back to 'self').
// scripts/check-dist.mjs enforces this after every build.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    target: 'es2022',
    // The polyfill is a script that would otherwise be bundled into the entry; modern browsers
    // support <link rel="modulepreload"> natively.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs; CSP would refuse them.
    assetsInlineLimit: 0,
    cssCodeSplit: true,
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` proxies API calls to a locally running `finhelm serve`.
    proxy: {
      '/v1': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
      '/readyz': 'http://127.0.0.1:8080',
    },
  },
});
