// Property-based fuzzing of every write endpoint (fast-check): random and malformed bodies, path and
// query parameters, huge strings, wrong types and odd Unicode, sent by an admin (who may write
// everywhere, so requests get past authorisation into validation and the services). Properties:
//   • never a 5xx;  • never a stack trace or a source path in the body;
//   • a 4xx wrote nothing (counts and last-change stamps of the written tables are unchanged).
// A failed sign-in is the one rejected request that writes by design (login_attempt, for rate limits),
// so that table is not fingerprinted.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';

const RUNS = 60;

// ---- generators ----

const MEANINGFUL = [
  'CRI-upala',
  'PHL-naga-city',
  'PHL',
  '2026Q3',
  '2026Q4',
  '1999Q1',
  '2026',
  'TOTAL',
  'MIG_SERVED',
  'MIG_COUNCIL',
  'F_Y18_59_RETURNEE',
  'admin',
  'local',
  'admin@example.org',
  'submit',
  'approve',
  'return',
  'accept',
  'reopen',
  'dataElement',
  'orgUnit',
  'categoryOptionCombo',
];
const ODD = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '😀👩‍👩‍👧‍👦',
  '\ud800',
  'e\u0301\u0301\u0301',
  '../../etc/passwd',
  "' or 1=1 --",
  '"; drop table data_value; --',
  '%00%ff',
  '<script>alert(1)</script>',
  'NaN',
  '-0',
  '1e309',
  '__proto__',
  'constructor',
];

const oddString = fc.oneof(
  fc.constantFrom(...MEANINGFUL, ...ODD),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
// 40–400 KB: past every max() of the schemas, below the app-wide body limit.
const hugeString = fc
  .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), fc.integer({ min: 10_000, max: 100_000 }))
  .map(([unit, times]) => unit.repeat(times));
const oddNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1, 2.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2147483648),
);
const scalar = fc.oneof(oddString, oddNumber, fc.boolean(), fc.constant(null));
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 1, arbitrary: hugeString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
);

/** An object with some of the keys an endpoint reads, each holding anything, plus maybe a stray key. */
function shaped(keys: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.record(keys, { requiredKeys: [] }), fc.option(fc.tuple(oddString, anyValue), { nil: undefined }))
    .map(([record, extra]) => (extra ? { ...record, [extra[0]]: extra[1] } : record));
}
const fields = (...names: string[]) => Object.fromEntries(names.map((name) => [name, anyValue]));

/** A body as sent: JSON of the shape, JSON of anything, or text that is not JSON at all. */
type Body = { text: string; type: string | undefined };
function body(shape: fc.Arbitrary<unknown>): fc.Arbitrary<Body> {
  const type = fc.constantFrom<string | undefined>(
    'application/json',
    'application/json',
    'application/json',
    'text/plain',
    'text/csv',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    undefined,
  );
  const text = fc.oneof(
    { weight: 4, arbitrary: shape.map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.oneof(oddString, hugeString) },
  );
  return fc.record({ text, type });
}

/** CSV text: a header of real and odd column names, then rows of random cells. */
function csvFile(columns: string[]): fc.Arbitrary<Body> {
  const cell = fc.oneof(oddString, oddNumber.map(String));
  const header = fc
    .subarray([...columns, 'junk'], { minLength: 0 })
    .chain((names) => fc.shuffledSubarray([...names, ...ODD.slice(0, 3)], { minLength: names.length }));
  const text = header.chain((names) =>
    fc
      .array(fc.array(cell, { minLength: names.length, maxLength: names.length + 2 }), { maxLength: 8 })
      .map((rows) =>
        [names, ...rows]
          .map((row) => row.map((value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(','))
          .join('\n'),
      ),
  );
  return fc.record({
    text: fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: fc.oneof(oddString, hugeString) }),
    type: fc.constantFrom<string | undefined>(
      'text/csv',
      'text/csv',
      'application/json',
      'application/vnd.ms-excel',
      undefined,
    ),
  });
}

/** A URL path segment: any string, percent-encoded (lone surrogates become U+FFFD), or raw malformed escapes. */
const wellFormed = (value: string) => new TextDecoder().decode(new TextEncoder().encode(value));
const segment = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .oneof(fc.constantFrom(...MEANINGFUL), oddString)
      .map((value) => encodeURIComponent(wellFormed(value) || 'x')),
  },
  { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%', '%ZZ', '%00', '..', '%2e%2e', '%2F') },
);
const flag = fc.oneof(fc.constantFrom('true', 'false', 'TRUE', '', '1'), oddString);
const query = (names: string[]) =>
  fc.record(Object.fromEntries(names.map((name) => [name, flag])), { requiredKeys: [] }).map((params) => {
    const search = new URLSearchParams(params as Record<string, string>).toString();
    return search ? `?${search}` : '';
  });

interface Endpoint {
  name: string;
  method: string;
  path: fc.Arbitrary<string>;
  body: fc.Arbitrary<Body>;
  /** Sent without the session cookie (sign-in, sign-out of a stranger). */
  anonymous?: boolean;
}

const valueRow = shaped(fields('indicator', 'option', 'value', 'numerator', 'denominator', 'comment', 'version'));
const IMPORT_COLUMNS = [
  'indicator',
  'orgUnit',
  'org_unit',
  'period',
  'option',
  'value',
  'numerator',
  'denominator',
  'comment',
];

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /api/auth/login',
    method: 'POST',
    path: fc.constant('/api/auth/login'),
    body: body(shaped(fields('email', 'password'))),
    anonymous: true,
  },
  {
    name: 'POST /api/auth/logout',
    method: 'POST',
    path: fc.constant('/api/auth/logout'),
    body: body(anyValue),
    anonymous: true,
  },
  {
    name: 'PUT /api/reports/{orgUnit}/{period}/values',
    method: 'PUT',
    path: fc.tuple(segment, segment).map(([unit, period]) => `/api/reports/${unit}/${period}/values`),
    body: body(
      fc.oneof(
        shaped({ values: fc.oneof(fc.array(valueRow, { maxLength: 5 }), anyValue) }),
        fc.array(valueRow, { maxLength: 3 }),
      ),
    ),
  },
  {
    name: 'POST /api/reports/{orgUnit}/{period}/{action}',
    method: 'POST',
    path: fc
      .tuple(segment, segment, segment)
      .map(([unit, period, action]) => `/api/reports/${unit}/${period}/${action}`),
    body: body(
      shaped({
        comment: anyValue,
        version: anyValue,
        notes: fc.oneof(fc.array(shaped(fields('indicator', 'comment')), { maxLength: 3 }), anyValue),
      }),
    ),
  },
  {
    name: 'POST /api/reports/batch/{action}',
    method: 'POST',
    path: segment.map((action) => `/api/reports/batch/${action}`),
    body: body(
      shaped({
        reports: fc.oneof(fc.array(shaped(fields('orgUnit', 'period', 'version')), { maxLength: 4 }), anyValue),
        comment: anyValue,
      }),
    ),
  },
  {
    name: 'POST /api/imports/data-values',
    method: 'POST',
    path: query(['dryRun']).map((search) => `/api/imports/data-values${search}`),
    body: csvFile(IMPORT_COLUMNS),
  },
  {
    name: 'POST /api/imports/indicators',
    method: 'POST',
    path: query(['dryRun']).map((search) => `/api/imports/indicators${search}`),
    body: csvFile([
      'code',
      'name',
      'value_type',
      'aggregation_type',
      'short_name',
      'disaggregation',
      'theme',
      'tiers',
      'stage_max',
      'min_value',
      'max_value',
    ]),
  },
  {
    name: 'POST /api/imports/targets',
    method: 'POST',
    path: query(['dryRun']).map((search) => `/api/imports/targets${search}`),
    body: csvFile(['indicator', 'org_unit', 'type', 'year', 'value', 'numerator', 'denominator']),
  },
  {
    name: 'POST /api/imports/org-units',
    method: 'POST',
    path: query(['dryRun']).map((search) => `/api/imports/org-units${search}`),
    body: body(
      shaped({
        type: fc.oneof(fc.constant('FeatureCollection'), anyValue),
        features: fc.oneof(
          fc.array(
            shaped({
              type: fc.oneof(fc.constant('Feature'), anyValue),
              properties: shaped(fields('code', 'name', 'kind', 'parent')),
              geometry: shaped({
                type: fc.oneof(fc.constantFrom('Polygon', 'MultiPolygon', 'Point'), anyValue),
                coordinates: anyValue,
              }),
            }),
            { maxLength: 3 },
          ),
          anyValue,
        ),
      }),
    ),
  },
  {
    name: 'POST /api/dhis2/dataValueSets',
    method: 'POST',
    path: query(['dryRun', 'importStrategy', 'idScheme', 'dataElementIdScheme', 'orgUnitIdScheme']).map(
      (search) => `/api/dhis2/dataValueSets${search}`,
    ),
    body: fc.oneof(
      body(
        shaped({
          dataSet: anyValue,
          period: anyValue,
          orgUnit: anyValue,
          dataValues: fc.oneof(
            fc.array(
              shaped(fields('dataElement', 'period', 'orgUnit', 'categoryOptionCombo', 'value', 'comment', 'deleted')),
              {
                maxLength: 4,
              },
            ),
            anyValue,
          ),
        }),
      ),
      csvFile([
        'dataelement',
        'period',
        'orgunit',
        'categoryoptioncombo',
        'attributeoptioncombo',
        'value',
        'comment',
        'deleted',
      ]),
    ),
  },
  {
    name: 'PUT /api/dhis2/mappings',
    method: 'PUT',
    path: fc.constant('/api/dhis2/mappings'),
    body: body(
      shaped({
        items: fc.oneof(fc.array(shaped(fields('kind', 'dhis2Code', 'localCode', 'part')), { maxLength: 4 }), anyValue),
      }),
    ),
  },
  {
    name: 'POST /api/users',
    method: 'POST',
    path: fc.constant('/api/users'),
    body: body(shaped(fields('email', 'name', 'role', 'orgUnit', 'locale', 'password'))),
  },
  {
    name: 'PATCH /api/users/{id}',
    method: 'PATCH',
    path: fc.oneof(fc.integer({ min: -2, max: 40 }).map(String), segment).map((id) => `/api/users/${id}`),
    body: body(shaped(fields('name', 'role', 'orgUnit', 'locale', 'active', 'email', 'password'))),
  },
  {
    name: 'POST /api/users/{id}/reset-password',
    method: 'POST',
    path: fc
      .oneof(fc.integer({ min: -2, max: 40 }).map(String), segment)
      .map((id) => `/api/users/${id}/reset-password`),
    body: body(shaped(fields('password'))),
  },
];

// A stack frame ("    at fn (file.ts:1:2)") or a path into the source tree or node_modules.
const LEAK = /\n\s+at \S|\bat [^\s()]+ \(|node_modules|\/work\/|\/server\/|\/db\/|\.[cm]?[jt]s:\d+:\d+/;

describe.each(ENGINES)('fuzzed writes on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  let admin: string;
  let generated = 0;
  const statuses = new Map<number, number>();
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
    admin = await signIn(app, 'admin@example.org');
  }, 120_000);
  afterAll(async () => {
    const tally = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    console.log(
      `fuzz on ${engine}: ${generated} generated requests over ${ENDPOINTS.length} endpoints: ${tally.join(' ')}`,
    );
    await handle.dispose();
  });

  /** What a write would change: row counts, the newest ids and change stamps of the written tables. */
  const fingerprint = async () => {
    const db = handle.db;
    const count = (
      table:
        | 'data_value'
        | 'report'
        | 'report_event'
        | 'audit_log'
        | 'app_user'
        | 'session'
        | 'indicator'
        | 'target'
        | 'org_unit'
        | 'dhis2_mapping',
    ) =>
      db
        .selectFrom(table)
        .select((eb) => [eb.fn.countAll().as('rows'), eb.fn.max('id').as('last')])
        .executeTakeFirstOrThrow();
    const stamps = await Promise.all([
      db
        .selectFrom('data_value')
        .select((eb) => [eb.fn.max('updated_at').as('at'), eb.fn.sum('version').as('versions')])
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('report')
        .select((eb) => [eb.fn.max('updated_at').as('at'), eb.fn.sum('version').as('versions')])
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('app_user')
        .select((eb) => [eb.fn.max('last_login_at').as('at'), eb.fn.sum('active').as('active')])
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('dhis2_mapping')
        .select((eb) => eb.fn.max('updated_at').as('at'))
        .executeTakeFirstOrThrow(),
    ]);
    const tables = [
      'data_value',
      'report',
      'report_event',
      'audit_log',
      'app_user',
      'session',
      'indicator',
      'target',
      'org_unit',
      'dhis2_mapping',
    ] as const;
    const counts = await Promise.all(tables.map(count));
    return JSON.stringify({ stamps, counts });
  };

  test.each(ENDPOINTS)(
    '$name: no 5xx, no stack trace, nothing written when rejected',
    async (endpoint) => {
      await fc.assert(
        fc.asyncProperty(endpoint.path, endpoint.body, async (path, sent) => {
          generated++;
          const before = await fingerprint();
          const headers: Record<string, string> = { origin: ORIGIN };
          if (sent.type) headers['content-type'] = sent.type;
          if (!endpoint.anonymous) headers.cookie = admin;
          const response = await app.request(path, { method: endpoint.method, headers, body: sent.text });
          const text = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const context = `${endpoint.method} ${path} (${sent.type}) → ${response.status} ${text.slice(0, 300)}`;
          expect(response.status, context).toBeLessThan(500);
          expect(LEAK.test(text), context).toBe(false);
          if (response.status >= 400) expect(await fingerprint(), context).toBe(before);
        }),
        { numRuns: RUNS },
      );
    },
    240_000,
  );
});
