import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { QueryState, SkeletonLines } from '../../components/query-state';
import { useIsDemo } from '../programme/queries';
import { useHealth } from './queries';

const LINKS = {
  naturalEarth: 'https://www.naturalearthdata.com/',
  geonames: 'https://www.geonames.org/',
  ccBy: 'https://creativecommons.org/licenses/by/4.0/',
  mit: 'https://opensource.org/license/mit',
};

/** Trans fills these tags in the translated sentence, so each language keeps its own word order. */
function ExternalLink({ href, rel, children }: { href: string; rel?: 'license'; children?: ReactNode }) {
  return (
    <a href={href} rel={rel}>
      {children}
    </a>
  );
}

export function AboutPage() {
  const { t } = useTranslation();
  const isDemo = useIsDemo();
  return (
    <>
      <PageHeader title={t('about.title')}>
        <p className="lede">{t('about.what')}</p>
      </PageHeader>
      <div className="prose">
        <p>{t('about.reference')}</p>

        <h2>{t('about.levelsHeading')}</h2>
        <ol className="levels">
          <li>{t('about.levels.local')}</li>
          <li>{t('about.levels.regional')}</li>
          <li>{t('about.levels.national')}</li>
        </ol>
        <p>{t('about.levelsNote')}</p>
        <p>{t('about.anyProgramme')}</p>

        {isDemo ? (
          <>
            <h2>{t('about.demoHeading')}</h2>
            <p>{t('about.demo')}</p>
          </>
        ) : null}

        <h2 id="credits">{t('about.creditsHeading')}</h2>
        <blockquote className="credit-line">
          <p>
            <Trans
              i18nKey="about.creditLine"
              components={{
                ne: <ExternalLink href={LINKS.naturalEarth} />,
                gn: <ExternalLink href={LINKS.geonames} />,
                cc: <ExternalLink href={LINKS.ccBy} rel="license" />,
              }}
            />
          </p>
          <p>{t('about.disclaimer')}</p>
        </blockquote>
        <ul>
          <li>
            {t('about.naturalEarth')} {t('about.naturalEarthPackages')}
          </li>
          <li>
            <Trans i18nKey="about.geonames" components={{ cc: <ExternalLink href={LINKS.ccBy} rel="license" /> }} />{' '}
            {t('about.geonamesChanged')} {t('about.geonamesPackages')}
          </li>
        </ul>

        <h2>{t('about.licenceHeading')}</h2>
        <p>
          <Trans i18nKey="about.licence" components={{ mit: <ExternalLink href={LINKS.mit} rel="license" /> }} />
        </p>

        <h2>{t('about.serverHeading')}</h2>
        <ServerStatus />
      </div>
    </>
  );
}

function ServerStatus() {
  const { t } = useTranslation();
  const health = useHealth();
  return (
    <QueryState query={health} what={t('about.serverWhat')} skeleton={<SkeletonLines lines={3} />}>
      {(data) => (
        <dl className="facts">
          <div>
            <dt>{t('about.version')}</dt>
            <dd>
              <code>{data.version}</code>
            </dd>
          </div>
          <div>
            <dt>{t('about.database')}</dt>
            <dd>{t(`about.databaseNames.${data.database}`)}</dd>
          </div>
          <div>
            <dt>{t('about.status')}</dt>
            <dd>{data.status === 'ok' ? t('about.statusOk') : data.status}</dd>
          </div>
        </dl>
      )}
    </QueryState>
  );
}
