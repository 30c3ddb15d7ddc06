// The app as a whole: OpenAPI document, unknown routes, the built client with its SPA fallback, logging.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import { createTestApp, getJson } from '../helpers/app';
import { createMigratedDatabase, type TestDatabase } from '../helpers/database';

let handle: TestDatabase;
let clientDir: string;
beforeAll(async () => {
  handle = await createMigratedDatabase('sqlite');
  clientDir = mkdtempSync(join(tmpdir(), 'm4d-client-'));
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>m4d-monitor</title><div id="root"></div>');
  writeFileSync(join(clientDir, 'assets', 'main-abc123.js'), 'console.log("m4d")');
});
afterAll(async () => {
  await handle.dispose();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('OpenAPI document', () => {
  test('is OpenAPI 3.1, describes every route with a summary, and the shared error shape', async () => {
    type Doc = {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const { status, body } = await getJson<Doc>(createTestApp(handle), '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(body.info.version).toBe('test');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/org-units',
        '/api/org-units/{code}',
        '/api/indicators',
        '/api/projects',
        '/api/projects/{code}',
        '/api/periods',
        '/api/data-values',
        '/api/programme/summary',
      ]),
    );
    for (const [path, operations] of Object.entries(body.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.summary, `${method} ${path}`).toBeTruthy();
        expect(
          Object.keys(operation.responses).some((status) => status.startsWith('2')),
          `${method} ${path}`,
        ).toBe(true);
      }
    }
    expect(body.components.schemas).toHaveProperty('Error');
  });
});

describe('routing', () => {
  test('an unknown API path is a JSON 404 in the error shape, with or without a client', async () => {
    for (const app of [createTestApp(handle), createTestApp(handle, { clientDir })]) {
      const response = await app.request('/api/no-such-thing');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({
        error: { code: 'not_found', message: expect.stringContaining('/api/no-such-thing') },
      });
    }
  });

  test('client routes get index.html; assets are served with long caching; a missing asset is a 404, not HTML', async () => {
    const app = createTestApp(handle, { clientDir });
    for (const path of ['/', '/projects/PHL-BICOL', '/countries/PHL']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
    const asset = await app.request('/assets/main-abc123.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log("m4d")');
    expect(asset.headers.get('cache-control')).toContain('immutable');

    for (const path of ['/assets/main-gone.js', '/favicon.ico', '/countries/PHL/map.png']) {
      const missing = await app.request(path);
      expect(missing.status, path).toBe(404);
      expect(await missing.text()).not.toContain('<div id="root">');
    }
  });

  test('a client directory without index.html is refused at start-up with a clear message', () => {
    const empty = mkdtempSync(join(tmpdir(), 'm4d-empty-'));
    try {
      expect(() => createTestApp(handle, { clientDir: empty })).toThrow(/npm run build/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('one log line per request with method, path and status', async () => {
    const lines: string[] = [];
    const app = createApp(handle, { log: (line) => lines.push(line) });
    await app.request('/api/health');
    await app.request('/api/org-units/NOPE');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/GET \/api\/health 200 \d+\.\d+ms$/);
    expect(lines[1]).toMatch(/GET \/api\/org-units\/NOPE 404 /);
  });
});

describe('security headers and limits', () => {
  test('a CSP without inline scripts, no framing, no sniffing — on the API and the client', async () => {
    const app = createTestApp(handle, { clientDir });
    for (const path of ['/api/health', '/']) {
      const response = await app.request(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  test('an oversized body is refused with 413 in the error shape before it is parsed', async () => {
    const app = createApp(handle, { log: () => {}, maxBodyBytes: 1024 });
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(5000) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: 'payload_too_large', message: expect.stringContaining('larger than') },
    });
  });
});
