// The OpenAPI document is valid OpenAPI 3 (checked by a schema validator, not by hand), every
// operation has a summary and every 2xx JSON response an example; /api/docs renders it under our CSP.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp } from '../helpers/app';
import { createMigratedDatabase, type TestDatabase } from '../helpers/database';

interface MediaType {
  schema?: SchemaObject;
  example?: unknown;
  examples?: Record<string, unknown>;
}
interface SchemaObject {
  $ref?: string;
  example?: unknown;
  examples?: unknown[];
}
interface Operation {
  summary?: string;
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

let handle: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let document: OpenApiDocument;
beforeAll(async () => {
  handle = await createMigratedDatabase('sqlite');
  app = createTestApp(handle);
  const response = await app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  document = (await response.json()) as OpenApiDocument;
});
afterAll(async () => handle.dispose());

/** Every operation as `METHOD /path`, so a failure names the route to fix. */
function operations(): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]),
  );
}

function resolve(schema: SchemaObject | undefined): SchemaObject | undefined {
  const name = schema?.$ref?.replace('#/components/schemas/', '');
  return name === undefined ? schema : document.components?.schemas?.[name];
}

function hasExample(media: MediaType): boolean {
  const schema = resolve(media.schema);
  return (
    media.example !== undefined ||
    Object.keys(media.examples ?? {}).length > 0 ||
    schema?.example !== undefined ||
    (schema?.examples?.length ?? 0) > 0
  );
}

describe('OpenAPI document', () => {
  test('is valid OpenAPI 3 according to the official JSON schemas', async () => {
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toMatch(/^3\./);
  });

  test('a document that breaks the schema is caught (the validator is not a no-op)', async () => {
    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, unknown>> };
    const first = Object.values(broken.paths)[0];
    if (first) first.get = { summary: 'no responses', responses: 'none' };
    const result = await new Validator().validate(broken as unknown as Record<string, unknown>);
    expect(result.valid).toBe(false);
  });

  test('every operation has a summary and at least one 2xx response', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(20);
    for (const [name, operation] of all) {
      expect(operation.summary?.trim(), name).toBeTruthy();
      expect(
        Object.keys(operation.responses).some((status) => status.startsWith('2')),
        name,
      ).toBe(true);
    }
  });

  test('every operation that reads the database documents its 503 (database unreachable or busy)', () => {
    const undocumented = operations()
      .filter(([name]) => !name.includes('/api/docs') && !name.includes('/api/openapi'))
      .filter(([, operation]) => !('503' in operation.responses))
      .map(([name]) => name);
    expect(undocumented).toEqual([]);
  });

  test('every 2xx JSON response has an example, on the media type or its schema', () => {
    const missing = operations().flatMap(([name, operation]) =>
      Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([status, response]) => {
          const media = response.content?.['application/json'];
          return media && !hasExample(media) ? [`${name} → ${status}`] : [];
        }),
    );
    expect(missing).toEqual([]);
  });
});

describe('API reference page', () => {
  test('GET /api/docs is HTML that loads Swagger UI and an init script from our origin, nothing inline', async () => {
    const response = await app.request('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const [, attributes, body] of scripts) {
      expect(body?.trim(), 'inline script').toBe('');
      expect(attributes).toMatch(/src="\/api\/docs\//);
    }
    const sources = [
      ...scripts.map(([, attributes]) => /src="([^"]+)"/.exec(attributes ?? '')?.[1]),
      ...[...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]),
    ];
    expect(sources).toHaveLength(3);
    for (const source of sources) {
      const asset = await app.request(source ?? '');
      expect(asset.status, source).toBe(200);
      expect(asset.headers.get('content-type'), source).toMatch(/^text\/(javascript|css)/);
      expect((await asset.arrayBuffer()).byteLength, source).toBeGreaterThan(100);
    }
    const init = await (await app.request('/api/docs/init.js')).text();
    expect(init).toContain("url: '/api/openapi.json'");
    expect(init).toContain('validatorUrl: null');
  });

  test('the bundle is served gzipped when asked, cached for good under a versioned path', async () => {
    const html = await (await app.request('/api/docs')).text();
    const bundle = /src="([^"]+swagger-ui-bundle\.js)"/.exec(html)?.[1] ?? '';
    const plain = await app.request(bundle);
    const gzipped = await app.request(bundle, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const [plainBytes, gzipBytes] = [(await plain.arrayBuffer()).byteLength, (await gzipped.arrayBuffer()).byteLength];
    expect(gzipBytes).toBeLessThan(plainBytes / 2);
    expect(gzipped.headers.get('cache-control')).toContain('immutable');
    expect(gzipped.headers.get('vary')).toBe('Accept-Encoding');
  });

  test.each([
    '/api/docs/assets/0.0.0/swagger-ui-bundle.js',
    '/api/docs/assets/5.35.0/package.json',
    '/api/docs/assets/5.35.0/..%2Fpackage.json',
  ])('%s is a JSON 404, nothing else from node_modules', async (path) => {
    const response = await app.request(path);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: expect.objectContaining({ code: 'not_found' }) });
  });
});
