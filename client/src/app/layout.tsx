import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canEnterData, canReview, type Me, type Role, signOut, useMe } from '../features/auth/session';
import { useIsDemo } from '../features/programme/queries';
import { RegionNavItem } from '../features/region/nav-link';
import { LanguageSwitcher } from './language-switcher';

const MAIN_ID = 'main';

type NavItem = {
  to: '/' | '/countries' | '/projects' | '/explorer' | '/entry' | '/import' | '/review' | '/admin' | '/about';
  key: 'overview' | 'countries' | 'projects' | 'explorer' | 'entry' | 'import' | 'review' | 'admin' | 'about';
  exact: boolean;
  /** Who sees the item; everyone when absent. The server checks every request regardless. */
  shownTo?: (role: Role) => boolean;
};

const NAV: NavItem[] = [
  { to: '/', key: 'overview', exact: true },
  { to: '/countries', key: 'countries', exact: false },
  { to: '/projects', key: 'projects', exact: false },
  { to: '/explorer', key: 'explorer', exact: false },
  { to: '/entry', key: 'entry', exact: false, shownTo: canEnterData },
  { to: '/import', key: 'import', exact: false, shownTo: (role) => role !== 'donor' },
  { to: '/review', key: 'review', exact: false, shownTo: canReview },
  { to: '/admin', key: 'admin', exact: false, shownTo: (role) => role === 'admin' },
  { to: '/about', key: 'about', exact: false },
];

export function navFor(role: Role | null): NavItem[] {
  return NAV.filter((item) => !item.shownTo || (role !== null && item.shownTo(role)));
}

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

function UserMenu({ user }: { user: Me | null | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [leaving, setLeaving] = useState(false);
  const [failed, setFailed] = useState(false);

  if (user === undefined) return null;
  if (user === null) {
    if (location.pathname === '/login') return null;
    return (
      // From the overview, signing in leads to the person's home rather than back to the overview.
      <Link to="/login" search={location.pathname === '/' ? {} : { redirect: location.href }} className="header-button">
        {t('auth.signIn')}
      </Link>
    );
  }
  const onSignOut = async () => {
    setLeaving(true);
    setFailed(false);
    try {
      // Leave the page first: a page that needs a session must not react to losing it.
      await navigate({ to: '/' });
      await signOut(queryClient);
    } catch {
      setFailed(true);
    } finally {
      setLeaving(false);
    }
  };
  return (
    <div className="user-menu">
      <p className="user-who">
        <span className="user-name">{user.name}</span>
        <span className="user-role">
          {t(`roles.${user.role}`)}
          {user.orgUnit ? ` · ${user.orgUnit.name}` : null}
        </span>
      </p>
      <button type="button" className="header-button" onClick={() => void onSignOut()} disabled={leaving}>
        {leaving ? t('auth.signingOut') : t('auth.signOut')}
      </button>
      {failed ? (
        <p className="user-error" role="alert">
          {t('auth.signOutFailed')}
        </p>
      ) : null}
    </div>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const isDemo = useIsDemo();
  const me = useMe();
  // While the session is being asked for, show only what everyone sees, never a flash of staff items.
  const user = me.isError ? null : me.data?.user;
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
          <UserMenu user={user} />
        </div>
        <nav className="site-nav" aria-label={t('app.mainNav')}>
          <ul>
            {navFor(user?.role ?? null).map((item) => (
              <li key={item.to}>
                <Link to={item.to} activeOptions={{ exact: item.exact }} className="nav-link">
                  {t(`nav.${item.key}`)}
                </Link>
              </li>
            ))}
            <RegionNavItem user={user} />
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
          <p>
            {/* A server page (Swagger UI), not a client route: a plain link leaves the app. */}
            <a href="/api/docs">{t('footer.apiDocs')}</a>
          </p>
        </div>
      </footer>
    </div>
  );
}
