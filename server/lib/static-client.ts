import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { errorBody } from './errors';

const HAS_EXTENSION = /\/[^/]+\.[a-z0-9]+$/i;

/**
 * Serves the built client from `dir`, with an SPA fallback: a path without a file extension outside
 * /api gets index.html so client-side routes survive a reload; an asset path that does not exist is
 * a real 404, never index.html (a missing chunk must fail loudly, not parse HTML as JavaScript).
 */
// biome-ignore lint/suspicious/noExplicitAny: mounts on any app regardless of its schema
export function serveClient(app: Hono<any, any, any>, dir: string): void {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`The client is not built: ${indexFile} is missing. Run \`npm run build\`.`);
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  const root = relative(process.cwd(), dir) || '.';

  app.use('/assets/*', async (c, next) => {
    await next();
    // Vite puts a content hash in every asset name, so they never change under the same URL.
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    return serveStatic({ root })(c, next);
  });
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') {
      return c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}.`), 404);
    }
    if (HAS_EXTENSION.test(c.req.path)) return c.text('Not found', 404);
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  });
}
