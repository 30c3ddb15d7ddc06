import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { QueryState, SkeletonTable } from '../../components/query-state';
import { countryColumns, toCountryRows } from '../programme/columns';
import { useProgrammeSummary } from '../programme/queries';

export function CountriesPage() {
  const { t } = useTranslation();
  // The summary already carries per-country counts and budgets, and is usually cached from the overview.
  const summary = useProgrammeSummary();
  return (
    <>
      <PageHeader title={t('countries.title')}>
        <p className="lede">{t('countries.intro')}</p>
      </PageHeader>
      <section className="panel" aria-label={t('countries.title')}>
        <QueryState
          query={summary}
          what={t('countries.what')}
          skeleton={<SkeletonTable rows={8} />}
          isEmpty={(data) => data.countries.length === 0}
          empty={t('countries.empty')}
        >
          {(data) => (
            <DataTable
              data={toCountryRows(data)}
              columns={countryColumns}
              caption={t('countries.title')}
              getRowId={(row) => row.code}
              exportContext={{ title: t('countries.title'), filters: [] }}
            />
          )}
        </QueryState>
      </section>
    </>
  );
}
