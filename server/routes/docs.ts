// The API reference page: Swagger UI (swagger-ui-dist, served from node_modules) rendering
// /api/openapi.json. The app's CSP allows scripts from our own origin only, so the page inlines
// nothing: the bundle and a small init script are separate files under /api/docs. Not part of the
// OpenAPI document itself — it is the document's reader, not an API.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { AppEnv } from '../lib/env';
import { errorBody } from '../lib/errors';

const require = createRequire(import.meta.url);
const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const SWAGGER_UI_VERSION = (
  JSON.parse(readFileSync(join(SWAGGER_UI_DIR, 'package.json'), 'utf8')) as { version: string }
).version;

/** The versioned asset path: a new swagger-ui-dist gets new URLs, so browsers may cache these forever. */
const ASSETS = `/api/docs/assets/${SWAGGER_UI_VERSION}`;

const ASSET_TYPES: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
};

// Plain JavaScript for the browser; `validatorUrl: null` keeps Swagger UI from sending the document
// to an outside validator, and the base layout has no top bar to load other documents with.
const INIT_SCRIPT = `'use strict';
window.addEventListener('DOMContentLoaded', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    defaultModelsExpandDepth: 0,
    displayRequestDuration: true,
  });
});
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>m4d-monitor API reference</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="${ASSETS}/swagger-ui.css">
  </head>
  <body>
    <noscript>This page needs JavaScript. The API description itself is at <a href="/api/openapi.json">/api/openapi.json</a>.</noscript>
    <div id="swagger-ui"></div>
    <script src="${ASSETS}/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;

interface Asset {
  plain: Buffer;
  gzip: Buffer;
}

/** Read and compressed on first request only (the bundle is ~1.7 MB, ~0.5 MB gzipped), then kept. */
const assets = new Map<string, Asset>();
function loadAsset(name: string): Asset {
  let asset = assets.get(name);
  if (!asset) {
    const plain = readFileSync(join(SWAGGER_UI_DIR, name));
    asset = { plain, gzip: gzipSync(plain) };
    assets.set(name, asset);
  }
  return asset;
}

export function docsRoutes() {
  return new Hono<AppEnv>()
    .get('/', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(PAGE);
    })
    .get('/init.js', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.body(INIT_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    })
    .get('/assets/:version/:name', (c) => {
      const { version, name } = c.req.param();
      const type = ASSET_TYPES[name];
      if (version !== SWAGGER_UI_VERSION || type === undefined) {
        return c.json(errorBody('not_found', `No documentation asset ${c.req.path}.`), 404);
      }
      const asset = loadAsset(name);
      const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
      const headers: Record<string, string> = {
        'Content-Type': type,
        'Cache-Control': 'public, max-age=31536000, immutable',
        Vary: 'Accept-Encoding',
      };
      if (gzip) headers['Content-Encoding'] = 'gzip';
      return c.body(new Uint8Array(gzip ? asset.gzip : asset.plain), 200, headers);
    });
}
