/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
// The server reads the same file (server/config.ts), so a page and its API name one version.
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as { version: string };

// The heavy view libraries must only arrive with the pages that draw charts or maps
// (budget: first page ≤ 250 KB gzip; recharts alone is ~114 KB).
const NOT_IN_ENTRY = /[\\/]node_modules[\\/](recharts|leaflet|react-leaflet|@react-leaflet)[\\/]/;

/**
 * Guards what the browser loads before the first page can render: the entry chunk and every chunk
 * it imports statically. The build fails when that set contains a module matching `forbidden`, or
 * weighs more than `maxGzipBytes`; routes split the code, and this keeps a stray static import from
 * silently undoing that.
 */
function entryBudget({ forbidden, maxGzipBytes }: { forbidden: RegExp; maxGzipBytes: number }): Plugin {
  return {
    name: 'm4d:entry-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [[output.fileName, output]] : [])),
      );
      for (const entry of [...chunks.values()].filter((chunk) => chunk.isEntry)) {
        const initial = new Set<string>();
        const queue = [entry.fileName];
        let gzipBytes = 0;
        while (queue.length > 0) {
          const fileName = queue.pop();
          if (fileName === undefined || initial.has(fileName)) continue;
          initial.add(fileName);
          const chunk = chunks.get(fileName);
          if (!chunk) continue;
          const offender = chunk.moduleIds.find((id) => forbidden.test(id));
          if (offender) {
            this.error(
              `${offender} is loaded up front by the entry ${entry.fileName} (in ${fileName}). ` +
                'Import it only from a lazily loaded route.',
            );
          }
          gzipBytes += gzipSync(chunk.code).length;
          queue.push(...chunk.imports);
        }
        const summary = `${entry.fileName} loads ${initial.size} chunks up front: ${(gzipBytes / 1024).toFixed(1)} kB gzip (budget ${(maxGzipBytes / 1024).toFixed(0)} kB)`;
        if (gzipBytes > maxGzipBytes) this.error(summary);
        this.info(summary);
      }
    },
  };
}

export default defineConfig({
  root: 'client',
  // Exports name the application and its version (components/export-buttons.tsx).
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [react(), entryBudget({ forbidden: NOT_IN_ENTRY, maxGzipBytes: 250 * 1024 })],
  // The interface texts are read whole (i18n/index.ts): one JSON string parses faster than an object
  // literal and weighs less without a named export per group.
  json: { namedExports: false, stringify: true },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Named vendor chunks: they change less often than the app, so browsers keep them cached
          // across releases, and a reader of the build output sees what each chunk is. Higher
          // priority wins a module, so React never lands in a library's chunk.
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|use-sync-external-store)[\\/]/,
              priority: 40,
            },
            {
              name: 'router',
              test: /[\\/]node_modules[\\/]@tanstack[\\/](react-router|router-core|history|react-store|store)[\\/]/,
              priority: 30,
            },
            // No group for react-query: the pages that use mutations or parallel queries (admin,
            // dashboards) bring those modules along; the entry route loads only what it calls.
            {
              // <Trans> and its HTML parser serve one page (About): they load with it, not up front.
              name: 'i18n',
              test: /[\\/]node_modules[\\/](i18next[\\/]|react-i18next[\\/](?!.*(Trans|unescape)))/,
              priority: 30,
            },
            // Only pages with tables import it, so it loads with the first such page.
            { name: 'table', test: /[\\/]node_modules[\\/]@tanstack[\\/](react-table|table-core)[\\/]/, priority: 30 },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  test: {
    // Vite's root is client/, but the test paths below are relative to the repository.
    root: repoRoot,
    include: ['tests/**/*.test.ts', 'client/**/*.test.ts', 'client/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 20000,
    hookTimeout: 60000,
  },
});
