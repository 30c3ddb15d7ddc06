import { createRoute, z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { listIatiActivities } from '../../db/queries/iati';
import { findOrgUnitRow } from '../../db/queries/org-units';
import { getSetting } from '../../db/queries/settings';
import type { Database } from '../../db/schema';
import { errorBody, errorResponses } from '../lib/errors';
import { createRouter } from '../lib/router';
import { buildIatiActivitiesXml, DEMO_PUBLISHER, type IatiPublisher, publisherFromEnv } from '../services/iati';

const EXAMPLE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2026-11-28T12:00:00.000Z">
  <iati-activity last-updated-datetime="2026-11-20T09:12:00.000Z" xml:lang="en" default-currency="USD" hierarchy="1">
    <iati-identifier>XM-DAC-41114-M4D-DEMO-PHL-BICOL</iati-identifier>
    <reporting-org ref="XM-DAC-41114" type="40">
      <narrative xml:lang="en">United Nations Development Programme (UNDP)</narrative>
    </reporting-org>
    <title>
      <narrative xml:lang="en">Bicol: migration and development councils from city to nation</narrative>
      <narrative xml:lang="es">Bicol: consejos de migración y desarrollo de la ciudad a la nación</narrative>
    </title>
    …
    <result type="1" aggregation-status="0">
      …
      <indicator measure="1" ascending="1" aggregation-status="1">
        …
        <period>
          <period-start iso-date="2026-07-01"/>
          <period-end iso-date="2026-09-30"/>
          <target value="1207"/>
          <actual value="1184"/>
          <actual value="61">
            <dimension name="Sex" value="Female"/>
            <dimension name="Age group" value="18–59 years"/>
            <dimension name="Migration status" value="Returnee"/>
          </actual>
        </period>
      </indicator>
    </result>
  </iati-activity>
</iati-activities>`;

const activities = createRoute({
  method: 'get',
  path: '/activities.xml',
  tags: ['interoperability'],
  summary: 'Projects as IATI 2.03 activities (XML), results from approved data only',
  description:
    'One `<iati-activity>` per project with an IATI identifier: organisations, titles and descriptions in every ' +
    'available language, status, dates, recipient country, locations, sector, yearly budgets, and results → ' +
    'indicators → baseline → quarterly periods (yearly for annual indicators) with targets and actuals. Actuals ' +
    "aggregate the approved and accepted values of the project's covered units, each indicator by its own " +
    'aggregation type; disaggregated actuals follow the total as `<dimension>`s. Valid against the IATI 2.03 XSD.',
  request: {
    query: z.object({
      project: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Expected a project code such as PHL-BICOL')
        .optional()
        .openapi({ description: 'One project; omit for every project.', example: 'PHL-BICOL' }),
      country: z
        .string()
        .regex(/^[A-Z]{3}$/, 'Expected an ISO 3166-1 alpha-3 country code such as PHL')
        .optional()
        .openapi({ description: 'Only the projects of this country (ISO3).', example: 'PHL' }),
    }),
  },
  responses: {
    200: {
      description: 'An `<iati-activities version="2.03">` document.',
      content: { 'application/xml': { schema: z.string().openapi({ example: EXAMPLE_XML }) } },
    },
    ...errorResponses(400, 404, 409),
  },
});

/**
 * `publisher` defaults to the one the environment names (IATI_REPORTING_ORG_*); without one, the demo
 * programme exports under DEMO_PUBLISHER and a real installation refuses to guess who it is.
 */
export function iatiRoutes(
  db: Kysely<Database>,
  now: () => Date,
  publisher: IatiPublisher | undefined = publisherFromEnv(process.env),
) {
  return createRouter().openapi(activities, async (c) => {
    const { project, country } = c.req.valid('query');
    if (country !== undefined) {
      const unit = await findOrgUnitRow(db, country);
      if (unit?.kind !== 'country') {
        return c.json(errorBody('country_not_found', `No country has the code "${country}".`), 404);
      }
    }
    const [found, demo] = await Promise.all([
      listIatiActivities(db, { codes: project === undefined ? undefined : [project], country }),
      getSetting(db, 'demo'),
    ]);
    if (project !== undefined && found.length === 0) {
      const where = country === undefined ? '' : ` in ${country}`;
      return c.json(errorBody('project_not_found', `No project has the code "${project}"${where}.`), 404);
    }
    const publishable = found.filter((activity) => activity.iatiIdentifier !== null);
    if (project !== undefined && publishable.length === 0) {
      return c.json(
        errorBody(
          'no_iati_identifier',
          `Project "${project}" has no IATI identifier; an admin must give it one before it can be exported.`,
        ),
        409,
      );
    }
    if (publishable.length === 0) {
      const where = country === undefined ? '' : ` of ${country}`;
      return c.json(errorBody('no_activities', `No project${where} has an IATI identifier to export.`), 404);
    }
    const isDemo = demo === 'true';
    const effective = publisher ?? (isDemo ? DEMO_PUBLISHER : undefined);
    if (!effective) {
      return c.json(
        errorBody(
          'iati_publisher_not_configured',
          'No IATI publisher is configured: set IATI_REPORTING_ORG_REF, IATI_REPORTING_ORG_TYPE and ' +
            'IATI_REPORTING_ORG_NAME to your organisation, then restart the server.',
        ),
        409,
      );
    }
    const xml = buildIatiActivitiesXml(publishable, { publisher: effective, generatedAt: now(), demo: isDemo });
    return c.body(xml, 200, { 'Content-Type': 'application/xml; charset=utf-8' });
  });
}
