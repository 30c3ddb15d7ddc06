import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useIsDemo } from '../features/programme/queries';
import { LanguageSwitcher } from './language-switcher';

const MAIN_ID = 'main';

const NAV = [
  { to: '/', key: 'overview', exact: true },
  { to: '/countries', key: 'countries', exact: false },
  { to: '/projects', key: 'projects', exact: false },
  { to: '/entry', key: 'entry', exact: false },
  { to: '/review', key: 'review', exact: false },
  { to: '/admin', key: 'admin', exact: false },
  { to: '/about', key: 'about', exact: false },
] as const;

function focusMain(event: React.MouseEvent<HTMLAnchorElement>) {
  // Move focus ourselves: a bare #main would also put a hash into the router's URL.
  const main = document.getElementById(MAIN_ID);
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

function DemoBadge() {
  const { t } = useTranslation();
  return (
    <p className="demo-badge" title={t('app.demoBadgeDescription')}>
      <strong>{t('app.demoBadge')}</strong>
      <span className="visually-hidden">: {t('app.demoBadgeDescription')}</span>
    </p>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const isDemo = useIsDemo();
  return (
    <div className="app">
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={focusMain}>
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-bar">
          <Link to="/" className="brand" aria-label={t('app.homeLink')}>
            m4d-monitor
          </Link>
          {isDemo ? <DemoBadge /> : null}
          <LanguageSwitcher />
        </div>
        <nav className="site-nav" aria-label={t('app.mainNav')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <Link to={item.to} activeOptions={{ exact: item.exact }} className="nav-link">
                  {t(`nav.${item.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          <p>
            <Link to="/about" hash="credits" activeOptions={{ exact: true, includeHash: true }}>
              {t('footer.credits')}
            </Link>
          </p>
          <p>{t('footer.licence')}</p>
        </div>
      </footer>
    </div>
  );
}
