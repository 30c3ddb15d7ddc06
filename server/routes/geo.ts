import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { listBoundaries, listPoints } from '../../db/queries/geo';
import { findOrgUnitRow } from '../../db/queries/org-units';
import { type Database, UNIT_KINDS } from '../../db/schema';
import { errorBody, errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { LocaleQuery } from '../lib/schemas';

/** Outlines and points change only when an admin loads new ones: let browsers and proxies keep them an hour. */
const MAP_CACHE_CONTROL = 'public, max-age=3600';

const PositionSchema = z.tuple([z.number(), z.number()]).openapi({ description: '[longitude, latitude] (WGS 84).' });

const AreaGeometrySchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(PositionSchema)) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(PositionSchema))) }),
  ])
  .openapi('AreaGeometry');

const UnitPropertiesSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(UNIT_KINDS),
    level: z.number().int(),
    parentCode: z.string().nullable(),
  })
  .openapi('MapUnitProperties');

const BoundaryCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: UnitPropertiesSchema,
        geometry: AreaGeometrySchema,
      }),
    ),
  })
  .openapi('BoundaryCollection', {
    example: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'PH-ALB',
          properties: { code: 'PH-ALB', name: 'Albay', kind: 'province', level: 3, parentCode: 'PH-05' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [123.5936, 13.5295],
                [123.5663, 13.5275],
                [123.5, 13.4],
                [123.5936, 13.5295],
              ],
            ],
          },
        },
      ],
    },
  });

const PointCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: UnitPropertiesSchema,
        geometry: z.object({ type: z.literal('Point'), coordinates: PositionSchema }),
      }),
    ),
  })
  .openapi('PointCollection', {
    example: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'PHL-naga-city',
          properties: {
            code: 'PHL-naga-city',
            name: 'Naga City',
            kind: 'municipality',
            level: 4,
            parentCode: 'PH-CAS',
          },
          geometry: { type: 'Point', coordinates: [123.18139, 13.61917] },
        },
      ],
    },
  });

const UnitCode = z.string().min(1).max(64);

const boundaries = createRoute({
  method: 'get',
  path: '/boundaries',
  tags: ['maps'],
  summary: "Outlines (GeoJSON) of a unit's children, or of every unit at a level",
  description:
    'Exactly one of `parent` or `level`. Units without an outline are left out: draw them from /points. ' +
    'Shipped outlines are Natural Earth (public domain).',
  request: {
    query: z
      .object({
        parent: UnitCode.optional().openapi({ description: 'Children of this unit.', example: 'PH-05' }),
        level: z.coerce.number().int().min(1).max(10).optional().openapi({ description: '1 = countries.', example: 1 }),
        locale: LocaleQuery,
      })
      .superRefine((query, ctx) => {
        if ((query.parent === undefined) === (query.level === undefined)) {
          const message = 'Give exactly one of parent or level';
          ctx.addIssue({ code: 'custom', path: ['parent'], message });
          ctx.addIssue({ code: 'custom', path: ['level'], message });
        }
      }),
  },
  responses: {
    200: {
      description: 'A FeatureCollection; feature ids are unit codes.',
      content: { 'application/json': { schema: BoundaryCollectionSchema } },
    },
    ...errorResponses(400, 404),
  },
});

const points = createRoute({
  method: 'get',
  path: '/points',
  tags: ['maps'],
  summary: 'Units below a unit (or everywhere) with coordinates, as GeoJSON points',
  request: {
    query: z.object({
      parent: UnitCode.optional().openapi({
        description: 'Units anywhere below this one; omit for the whole programme.',
        example: 'PH-05',
      }),
      kind: z.enum(UNIT_KINDS).optional().openapi({ example: 'municipality' }),
      locale: LocaleQuery,
    }),
  },
  responses: {
    200: {
      description: 'A FeatureCollection of Point features by level then name; feature ids are unit codes.',
      content: { 'application/json': { schema: PointCollectionSchema } },
    },
    ...errorResponses(400, 404),
  },
});

function notFound(code: string) {
  return errorBody('org_unit_not_found', `No org unit has the code "${code}".`);
}

export function geoRoutes(db: Kysely<Database>) {
  return createRouter()
    .openapi(boundaries, async (c) => {
      const { parent, level, locale } = c.req.valid('query');
      const unit = parent === undefined ? undefined : await findOrgUnitRow(db, parent);
      if (parent !== undefined && !unit) return c.json(notFound(parent), 404);
      const features = await listBoundaries(db, { parentId: unit?.id, level, locale });
      c.header('Cache-Control', MAP_CACHE_CONTROL);
      return c.json(
        {
          type: 'FeatureCollection' as const,
          features: features.map(({ geometry, ...properties }) => ({
            type: 'Feature' as const,
            id: properties.code,
            properties,
            geometry,
          })),
        },
        200,
      );
    })
    .openapi(points, async (c) => {
      const { parent, kind, locale } = c.req.valid('query');
      const unit = parent === undefined ? undefined : await findOrgUnitRow(db, parent);
      if (parent !== undefined && !unit) return c.json(notFound(parent), 404);
      const found = await listPoints(db, { belowPath: unit?.path, kind, locale });
      c.header('Cache-Control', MAP_CACHE_CONTROL);
      return c.json(
        {
          type: 'FeatureCollection' as const,
          features: found.map(({ coordinates, ...properties }) => ({
            type: 'Feature' as const,
            id: properties.code,
            properties,
            geometry: { type: 'Point' as const, coordinates },
          })),
        },
        200,
      );
    });
}
