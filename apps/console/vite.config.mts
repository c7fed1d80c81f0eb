import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Built into the repo's dist/ so the gateway (and the Docker image, which copies dist/) serves it.
export default defineConfig({
  root,
  base: '/console/',
  resolve: {
    // The console checks orders with the same pure code as the exchange (e.g. the engine's band rounding).
    alias: [
      {
        find: /^@app\/([a-z-]+)$/,
        replacement: fileURLToPath(new URL('../../libs/$1/src', import.meta.url)),
      },
    ],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // `npx vite apps/console` during development: the API is the sandbox on :3000. Every first
    // path segment the console calls is listed (`src/api/dev-proxy.spec.ts` checks).
    proxy: Object.fromEntries(
      [
        '/auth',
        '/instruments',
        '/orders',
        '/book',
        '/trades',
        '/bars',
        '/members',
        '/registries',
        '/recognition',
        '/cross-province-transfers',
        '/market-mode',
        '/pricing-standards',
        '/surveillance',
        '/research',
        '/demo',
        '/feed',
      ].map((p) => [p, { target: 'http://127.0.0.1:3000', ws: p === '/feed' }]),
    ),
  },
});
