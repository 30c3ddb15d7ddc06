import { getRouteApi, Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { IllustrativeBadge } from '../../components/badges';
import { DataTable } from '../../components/data-table';
import { DateRange, Money } from '../../components/formatted';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryState, SkeletonLines, SkeletonTable } from '../../components/query-state';
import { useLabels } from '../../i18n/use-labels';
import { isNotFound } from '../../lib/api';
import { type ProjectDetail, useProject } from './queries';

const route = getRouteApi('/projects/$code');

type ResultIndicator = ProjectDetail['results'][number]['indicators'][number];
const indicatorColumn = createColumnHelper<ResultIndicator>();

function Header({ k }: { k: 'indicator' | 'code' | 'unit' | 'valueType' | 'aggregationType' }) {
  const { t } = useTranslation();
  return <>{t(`columns.${k}`)}</>;
}
function ValueTypeLabel({ value }: { value: string }) {
  return <>{useLabels().valueType(value)}</>;
}
function AggregationLabel({ value }: { value: string }) {
  return <>{useLabels().aggregationType(value)}</>;
}

const indicatorColumns = [
  indicatorColumn.accessor('name', { header: () => <Header k="indicator" /> }),
  indicatorColumn.accessor('code', {
    header: () => <Header k="code" />,
    cell: ({ getValue }) => <code>{getValue()}</code>,
  }),
  indicatorColumn.accessor('unit', { header: () => <Header k="unit" /> }),
  indicatorColumn.accessor('valueType', {
    header: () => <Header k="valueType" />,
    cell: ({ getValue }) => <ValueTypeLabel value={getValue()} />,
  }),
  indicatorColumn.accessor('aggregationType', {
    header: () => <Header k="aggregationType" />,
    cell: ({ getValue }) => <AggregationLabel value={getValue()} />,
  }),
];

export function ProjectPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const project = useProject(code);

  if (project.isError && isNotFound(project.error)) {
    return (
      <>
        <PageHeader title={t('projects.title')} />
        <EmptyState>{t('projects.notFound', { code })}</EmptyState>
        <p>
          <Link to="/projects" activeOptions={{ exact: true }}>
            {t('projects.backToList')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <QueryState
      query={project}
      what={t('projects.projectWhat')}
      skeleton={
        <>
          <span className="skeleton skeleton-title" />
          <SkeletonLines lines={4} />
          <SkeletonTable rows={4} />
        </>
      }
    >
      {(data) => <ProjectView detail={data} />}
    </QueryState>
  );
}

function ProjectView({ detail }: { detail: ProjectDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { project, results, coveredUnits } = detail;
  return (
    <>
      <p className="back-link">
        <Link to="/projects" activeOptions={{ exact: true }}>
          {t('projects.backToList')}
        </Link>
      </p>
      <PageHeader title={project.name}>
        {project.illustrative ? <IllustrativeBadge /> : null}
        {project.description ? <p className="lede">{project.description}</p> : null}
      </PageHeader>

      <dl className="facts">
        <div>
          <dt>{t('projects.country')}</dt>
          <dd>
            <Link to="/countries/$code" params={{ code: project.country.code }}>
              {project.country.name}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('projects.leadUnit')}</dt>
          <dd>
            <Link to="/countries/$code" params={{ code: project.leadUnit.code }}>
              {project.leadUnit.name}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('projects.dates')}</dt>
          <dd>
            <DateRange from={project.startDate} to={project.endDate} />
          </dd>
        </div>
        <div>
          <dt>{t('projects.budget')}</dt>
          <dd>
            <Money amount={project.budget} currency={project.currency} />
          </dd>
        </div>
        <div>
          <dt>{t('projects.status')}</dt>
          <dd>{labels.projectStatus(project.status)}</dd>
        </div>
        <div>
          <dt>{t('projects.themes')}</dt>
          <dd>{project.themes.length ? project.themes.map((theme) => theme.name).join(', ') : t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('projects.iatiIdentifier')}</dt>
          <dd>{project.iatiIdentifier ? <code className="break">{project.iatiIdentifier}</code> : t('common.none')}</dd>
        </div>
      </dl>

      <section className="panel" aria-labelledby="results-heading">
        <h2 id="results-heading">{t('projects.resultsHeading')}</h2>
        {results.length === 0 ? (
          <EmptyState>{t('projects.resultsEmpty')}</EmptyState>
        ) : (
          results.map((result) => (
            <article className="result" key={result.code} aria-labelledby={`result-${result.code}`}>
              <h3 id={`result-${result.code}`}>
                <span className={`badge badge-${result.type}`}>{labels.resultType(result.type)}</span>{' '}
                <span className="result-code">{result.code}</span> {result.title}
              </h3>
              {result.description ? <p>{result.description}</p> : null}
              {result.indicators.length === 0 ? (
                <EmptyState>{t('projects.resultIndicatorsEmpty')}</EmptyState>
              ) : (
                <DataTable
                  data={result.indicators}
                  columns={indicatorColumns}
                  caption={t('projects.resultIndicators', { code: result.code })}
                  getRowId={(row) => row.code}
                />
              )}
            </article>
          ))
        )}
      </section>

      <section className="panel" aria-labelledby="covered-heading">
        <h2 id="covered-heading">
          {t('projects.coveredHeading')} <span className="heading-count">({coveredUnits.length})</span>
        </h2>
        {coveredUnits.length === 0 ? (
          <EmptyState>{t('projects.coveredEmpty')}</EmptyState>
        ) : (
          <ul className="unit-list">
            {coveredUnits.map((unit) => (
              <li key={unit.code}>
                <Link to="/countries/$code" params={{ code: unit.code }}>
                  {unit.name}
                </Link>{' '}
                <span className="muted">{labels.unitKind(unit.kind)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
