import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { DatabaseHandle } from '../db/dialect';
import type { AppEnv } from './lib/env';
import { errorBody, handleError, validationHook } from './lib/errors';
import { type LogLine, requestLogger } from './lib/logger';
import { responseCache } from './lib/response-cache';
import { originCheck, sessionMiddleware } from './lib/session';
import { serveClient } from './lib/static-client';
import { describeSize, isImportUpload } from './lib/uploads';
import { analyticsRoutes } from './routes/analytics';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { completenessRoutes } from './routes/completeness';
import { dataValueRoutes } from './routes/data-values';
import { dhis2Routes } from './routes/dhis2';
import { docsRoutes } from './routes/docs';
import { exportRoutes } from './routes/exports';
import { geoRoutes } from './routes/geo';
import { healthRoutes } from './routes/health';
import { iatiRoutes } from './routes/iati';
import { importRoutes } from './routes/imports';
import { indicatorRoutes } from './routes/indicators';
import { orgUnitRoutes } from './routes/org-units';
import { periodRoutes } from './routes/periods';
import { programmeRoutes } from './routes/programme';
import { projectRoutes } from './routes/projects';
import { reportRoutes } from './routes/reports';
import { userRoutes } from './routes/users';

export interface AppOptions {
  version?: string;
  /** Where one line per request goes; tests pass a no-op. */
  log?: LogLine;
  /** The built client to serve with an SPA fallback; omitted in API tests and under `vite` dev. */
  clientDir?: string;
  /** The clock, injectable so tests can pin "today". */
  now?: () => Date;
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto for the client address and HTTPS. */
  trustProxy?: boolean;
  /** Largest accepted request body; larger ones get 413. Import uploads have their own limit. */
  maxBodyBytes?: number;
  /**
   * Share public dashboard answers while their data is unchanged (default on). Off: every request
   * computes, as the benchmark's cold cases measure.
   */
  responseCache?: boolean;
  /** Largest file one import takes (POST /api/imports/*, POST /api/dhis2/dataValueSets); default 50 MB. */
  maxImportBytes?: number;
}

/** The read routes whose public answers are shared (server/lib/response-cache.ts). */
const CACHED_READS = [
  // `/x/*` matches `/x` itself too: one pattern per route, so no request meets the cache twice.
  '/api/org-units/*',
  '/api/indicators/*',
  '/api/projects/*',
  '/api/periods/*',
  '/api/programme/*',
  '/api/analytics/*',
  '/api/completeness/*',
  '/api/geo/*',
];

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Builds the whole HTTP app from a database handle. Tests call `app.request()` on it. */
export function createApp(handle: DatabaseHandle, options: AppOptions = {}) {
  const { db } = handle;
  const version = options.version ?? '0.0.0';
  const now = options.now ?? (() => new Date());
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(requestLogger(options.log ?? ((line) => console.log(line))));
  app.onError(handleError);
  app.use(
    secureHeaders({
      // No inline scripts anywhere: the built client loads modules from /assets only.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'same-origin',
    }),
  );
  const bodyLimited = bodyLimit({
    maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onError: (c) =>
      c.json(
        errorBody(
          'payload_too_large',
          `The request body is larger than ${describeSize(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES)}.`,
        ),
        413,
      ),
  });
  // Import uploads are held to their own, larger limit by their routes (uploadLimit).
  app.use('/api/*', (c, next) => (isImportUpload(c.req.method, c.req.path) ? next() : bodyLimited(c, next)));
  app.use('/api/*', originCheck(), sessionMiddleware(db, now));
  if (options.responseCache !== false) {
    // Public dashboard reads, shared between readers while the data they come from is unchanged.
    const cache = responseCache(db, { now });
    for (const path of CACHED_READS) app.use(path, cache);
  }

  const routes = app
    .route('/api/health', healthRoutes(handle, version))
    .route('/api/auth', authRoutes(db, { now, trustProxy: options.trustProxy ?? false }))
    .route('/api/org-units', orgUnitRoutes(db))
    .route('/api/indicators', indicatorRoutes(db))
    .route('/api/projects', projectRoutes(db))
    .route('/api/periods', periodRoutes(db, now))
    .route('/api/data-values', dataValueRoutes(db))
    .route('/api/programme', programmeRoutes(db))
    .route('/api/analytics', analyticsRoutes(db, now))
    .route('/api/completeness', completenessRoutes(db, now))
    .route('/api/geo', geoRoutes(db))
    .route('/api/reports', reportRoutes(db, now))
    .route('/api/audit', auditRoutes(db))
    .route('/api/users', userRoutes(db, now))
    .route('/api/iati', iatiRoutes(db, now))
    .route('/api/exports', exportRoutes(db, { now, version }))
    .route('/api/imports', importRoutes(db, { now, maxUploadBytes: options.maxImportBytes }))
    .route('/api/dhis2', dhis2Routes(db, { now, maxUploadBytes: options.maxImportBytes }))
    .route('/api/docs', docsRoutes());

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'm4d-monitor API',
      version,
      description:
        'Monitoring and indicators for multi-level migration-and-development programmes. ' +
        'Errors always have the shape { error: { code, message, details? } }.',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
  });

  if (options.clientDir) serveClient(app, options.clientDir);
  app.notFound((c) => c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}.`), 404));
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
