/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The Utrecht component bundle sets `Component.displayName = '…'` on every component at module
 * level. Bundlers must keep such property writes, and with them every component, even unused
 * ones (~200 kB). displayName only serves React DevTools, so the production build drops it.
 */
function utrechtTreeShaking(): Plugin {
  return {
    name: 'aantafel:utrecht-tree-shaking',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]@utrecht[\\/][^\\/]+[\\/]dist[\\/].*\.mjs$/.test(id)) return null;
      return { code: code.replace(/^[\w$]+\.displayName = (['"])[^'"]*\1;$/gm, ''), map: null };
    },
  };
}

// The server's Content-Security-Policy allows no inline script or style, no data: fonts and no
// external hosts, so the build emits only files under /assets/ and never inlines code or assets.
export default defineConfig({
  plugins: [react(), utrechtTreeShaking()],
  base: '/',
  server: {
    // `npm run dev` talks to a server started with `aantafel serve` on the default port.
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    cssCodeSplit: true,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    rollupOptions: {
      treeshake: {
        // The Utrecht React packages do not declare "sideEffects": false, so without this the
        // whole component library (every component) ends up in the first bundle.
        moduleSideEffects: (id) => !/[\\/]node_modules[\\/]@utrecht[\\/].*\.mjs$/.test(id),
      },
      output: {
        // Hex hashes contain no '-', so the server's "name-HASH.ext" check always sees the hash.
        hashCharacters: 'hex',
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    pool: 'threads',
    // One worker per core of the 2-core CI machine: the component tests wait on nothing but the
    // CPU, so two workers halve the run.
    maxWorkers: 2,
  },
});
