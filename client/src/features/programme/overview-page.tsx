import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { usePeriodLabel } from '../../components/formatted';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryState, SkeletonTable } from '../../components/query-state';
import { useLocale } from '../../i18n/use-locale';
import { formatCompactCurrency, formatCurrency, formatIndicatorValue, formatNumber } from '../../lib/format';
import { projectColumns } from '../projects/columns';
import { countryColumns, toCountryRows } from './columns';
import { type ProgrammeSummary, useProgrammeSummary } from './queries';

export function OverviewPage() {
  const { t } = useTranslation();
  const summary = useProgrammeSummary();
  return (
    <>
      <PageHeader title={t('overview.title')}>
        <p className="lede">{t('overview.intro')}</p>
      </PageHeader>
      {/* One request feeds every panel here, so one failure shows once, in place of the panels. */}
      <QueryState
        query={summary}
        what={t('overview.what')}
        skeleton={<OverviewSkeleton />}
        isEmpty={(data) => data.totals.countries === 0 && data.projects.length === 0}
        empty={t('overview.noData')}
      >
        {(data) => <OverviewPanels summary={data} />}
      </QueryState>
    </>
  );
}

function OverviewSkeleton() {
  return (
    <>
      <div className="tiles">
        {['a', 'b', 'c', 'd'].map((key) => (
          <span key={key} className="skeleton skeleton-tile" />
        ))}
      </div>
      <SkeletonTable rows={8} />
    </>
  );
}

function OverviewPanels({ summary }: { summary: ProgrammeSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="panel" aria-labelledby="totals-heading">
        <h2 id="totals-heading">{t('overview.totalsHeading')}</h2>
        <TotalsTiles summary={summary} />
      </section>

      <section className="panel" aria-labelledby="headline-heading">
        <h2 id="headline-heading">{t('overview.headlineHeading')}</h2>
        {summary.headline.length === 0 ? (
          <EmptyState>{t('overview.headlineEmpty')}</EmptyState>
        ) : (
          <HeadlineTiles headline={summary.headline} />
        )}
      </section>

      <section className="panel" aria-labelledby="countries-heading">
        <h2 id="countries-heading">{t('overview.countriesHeading')}</h2>
        {summary.countries.length === 0 ? (
          <EmptyState>{t('overview.countriesEmpty')}</EmptyState>
        ) : (
          <DataTable
            data={toCountryRows(summary)}
            columns={countryColumns}
            caption={t('overview.countriesHeading')}
            getRowId={(row) => row.code}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="projects-heading">
        <h2 id="projects-heading">{t('overview.projectsHeading')}</h2>
        {summary.projects.length === 0 ? (
          <EmptyState>{t('overview.projectsEmpty')}</EmptyState>
        ) : (
          <DataTable
            data={summary.projects}
            columns={projectColumns}
            caption={t('overview.projectsHeading')}
            getRowId={(row) => row.code}
          />
        )}
      </section>
    </>
  );
}

function TotalsTiles({ summary }: { summary: ProgrammeSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { totals } = summary;
  return (
    <dl className="tiles">
      <div className="tile">
        <dt>{t('overview.countries')}</dt>
        <dd className="tile-value">{formatNumber(totals.countries, locale)}</dd>
      </div>
      <div className="tile">
        <dt>{t('overview.municipalities')}</dt>
        <dd className="tile-value">{formatNumber(totals.municipalities, locale)}</dd>
      </div>
      <div className="tile">
        <dt>{t('overview.projects')}</dt>
        <dd className="tile-value">{formatNumber(totals.projects, locale)}</dd>
        {totals.illustrativeProjects > 0 ? (
          <dd className="tile-note">{t('overview.illustrativeCount', { count: totals.illustrativeProjects })}</dd>
        ) : null}
      </div>
      <div className="tile">
        <dt>{t('overview.budget')}</dt>
        <dd className="tile-value" title={formatCurrency(totals.budget, totals.currency, locale)}>
          {formatCompactCurrency(totals.budget, totals.currency, locale)}
        </dd>
      </div>
    </dl>
  );
}

function HeadlineTiles({ headline }: { headline: ProgrammeSummary['headline'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const periodLabel = usePeriodLabel();
  return (
    <dl className="tiles tiles-wide">
      {headline.map(({ indicator, value, periods }) => (
        <div className="tile" key={indicator.code}>
          <dt>{indicator.name}</dt>
          {value === null ? (
            <dd className="tile-value tile-value-missing">{t('overview.noApprovedValue')}</dd>
          ) : (
            <dd className="tile-value">
              {formatIndicatorValue(value, locale)} <span className="tile-unit">{indicator.unit}</span>
            </dd>
          )}
          {/* No periods means no approved report carries this indicator yet. */}
          {periods ? (
            <dd className="tile-note">
              {t('overview.approvedData', {
                range:
                  periods.from === periods.to
                    ? periodLabel(periods.from)
                    : t('common.dateRange', { from: periodLabel(periods.from), to: periodLabel(periods.to) }),
              })}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
