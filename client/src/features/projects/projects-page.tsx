import { getRouteApi } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryState, SkeletonTable } from '../../components/query-state';
import { projectColumns } from './columns';
import { type ProjectSummary, useProjects } from './queries';

const route = getRouteApi('/projects');

/** Countries that have projects, in the order the API lists projects (by country name). */
function countriesOf(projects: ProjectSummary[]): ProjectSummary['country'][] {
  const byCode = new Map(projects.map((project) => [project.country.code, project.country]));
  return [...byCode.values()];
}

export function ProjectsPage() {
  const { t } = useTranslation();
  // The whole programme's list is small (tens of projects), so filter it here and keep the
  // country choices available whatever is selected.
  const projects = useProjects();
  return (
    <>
      <PageHeader title={t('projects.title')}>
        <p className="lede">{t('projects.intro')}</p>
      </PageHeader>
      <section className="panel" aria-label={t('projects.title')}>
        <QueryState
          query={projects}
          what={t('projects.what')}
          skeleton={<SkeletonTable rows={10} />}
          isEmpty={(data) => data.items.length === 0}
          empty={t('projects.empty')}
        >
          {(data) => <FilteredProjects projects={data.items} />}
        </QueryState>
      </section>
    </>
  );
}

function FilteredProjects({ projects }: { projects: ProjectSummary[] }) {
  const { t } = useTranslation();
  const selectId = useId();
  const { country } = route.useSearch();
  const navigate = route.useNavigate();
  const countries = countriesOf(projects);
  const shown = country ? projects.filter((project) => project.country.code === country) : projects;
  return (
    <>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={selectId}>{t('projects.countryFilter')}</label>
          <select
            id={selectId}
            value={country ?? ''}
            onChange={(event) => {
              const next = event.target.value;
              void navigate({ search: next ? { country: next } : {}, replace: true });
            }}
          >
            <option value="">{t('projects.allCountries')}</option>
            {countries.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <p className="toolbar-count" aria-live="polite">
          {t('projects.count', { count: shown.length })}
        </p>
      </div>
      {shown.length === 0 ? (
        <EmptyState>{t('projects.filterEmpty')}</EmptyState>
      ) : (
        <DataTable
          data={shown}
          columns={projectColumns}
          caption={t('projects.title')}
          getRowId={(row) => row.code}
          exportContext={{
            title: t('projects.title'),
            filters: [
              [
                t('projects.countryFilter'),
                countries.find((option) => option.code === country)?.name ?? country ?? t('projects.allCountries'),
              ],
            ],
          }}
        />
      )}
    </>
  );
}
