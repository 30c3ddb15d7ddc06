import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryState, SkeletonLines, SkeletonTable } from '../../components/query-state';
import { useLabels } from '../../i18n/use-labels';
import { isNotFound } from '../../lib/api';
import { projectColumns } from '../projects/columns';
import { useProjects } from '../projects/queries';
import { type OrgUnitDetail, type OrgUnitSummary, useCountry } from './queries';

const route = getRouteApi('/countries/$code');

/** Children grouped by kind (a Philippine region holds provinces and cities), in API order. */
function groupByKind(units: OrgUnitSummary[]): [string, OrgUnitSummary[]][] {
  const groups = new Map<string, OrgUnitSummary[]>();
  for (const unit of units) groups.set(unit.kind, [...(groups.get(unit.kind) ?? []), unit]);
  return [...groups.entries()];
}

/** The country a unit belongs to: itself, or the root of its ancestors. */
function countryOf(detail: OrgUnitDetail): OrgUnitSummary {
  return detail.unit.kind === 'country' ? detail.unit : (detail.ancestors[0] ?? detail.unit);
}

export function CountryPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const unit = useCountry(code);

  if (unit.isError && isNotFound(unit.error)) {
    return (
      <>
        <PageHeader title={t('countries.title')} />
        <EmptyState>{t('countries.notFound', { code })}</EmptyState>
        <p>
          <Link to="/countries" activeOptions={{ exact: true }}>
            {t('countries.backToList')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <QueryState
      query={unit}
      what={t('countries.unitWhat')}
      skeleton={
        <>
          <span className="skeleton skeleton-title" />
          <SkeletonLines lines={6} />
        </>
      }
    >
      {(data) => <UnitView detail={data} />}
    </QueryState>
  );
}

function UnitView({ detail }: { detail: OrgUnitDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { unit, ancestors, children } = detail;
  return (
    <>
      <nav aria-label={t('countries.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/countries" activeOptions={{ exact: true }}>
              {t('countries.title')}
            </Link>
          </li>
          {ancestors.map((ancestor) => (
            <li key={ancestor.code}>
              <Link to="/countries/$code" params={{ code: ancestor.code }}>
                {ancestor.name}
              </Link>
            </li>
          ))}
          <li aria-current="page">{unit.name}</li>
        </ol>
      </nav>
      <PageHeader title={unit.name}>
        <p className="lede">
          {t('countries.kindAndTier', { kind: labels.unitKind(unit.kind), tier: labels.tier(unit.tier) })}
        </p>
      </PageHeader>

      <section className="panel" aria-labelledby="children-heading">
        <h2 id="children-heading">{t('countries.childrenHeading', { name: unit.name })}</h2>
        {children.length === 0 ? (
          <EmptyState>{t('countries.childrenEmpty', { name: unit.name })}</EmptyState>
        ) : (
          groupByKind(children).map(([kind, units]) => (
            <div key={kind} className="unit-group">
              <h3>
                {labels.unitKindPlural(kind)}{' '}
                <span className="heading-count">({t('countries.childCount', { count: units.length })})</span>
              </h3>
              <ul className="unit-list">
                {units.map((child) => (
                  <li key={child.code}>
                    <Link to="/countries/$code" params={{ code: child.code }}>
                      {child.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>

      <CountryProjects country={countryOf(detail)} />
    </>
  );
}

function CountryProjects({ country }: { country: OrgUnitSummary }) {
  const { t } = useTranslation();
  const projects = useProjects({ country: country.code });
  const heading = t('countries.projectsHeading', { country: country.name });
  return (
    <section className="panel" aria-labelledby="country-projects-heading">
      <h2 id="country-projects-heading">{heading}</h2>
      <QueryState
        query={projects}
        what={t('countries.projectsWhat')}
        skeleton={<SkeletonTable rows={3} />}
        isEmpty={(data) => data.items.length === 0}
        empty={t('countries.projectsEmpty', { country: country.name })}
      >
        {(data) => (
          <DataTable data={data.items} columns={projectColumns} caption={heading} getRowId={(row) => row.code} />
        )}
      </QueryState>
    </section>
  );
}
