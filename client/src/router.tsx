// Code-based routes. Every page component is loaded lazily, so the entry chunk holds only the
// shell (layout, i18n, router, query client) and a page's libraries load with that page.
import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { NotFoundPage, PagePending, RouteError } from './app/fallbacks';
import { AppLayout } from './app/layout';
import { parseLoginSearch } from './features/auth/search';
import { parseCountrySearch } from './features/countries/search';
import { parseExplorerSearch } from './features/explorer/search';
import { parseOverviewSearch } from './features/programme/search';
import { parseProjectSearch, parseProjectsSearch } from './features/projects/search';
import { parseRegionSearch } from './features/region/search';
import { parseReviewSearch } from './features/review/search';

const rootRoute = createRootRoute({ component: AppLayout, notFoundComponent: NotFoundPage });

const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: parseOverviewSearch,
  component: lazyRouteComponent(() => import('./features/programme/overview-page'), 'OverviewPage'),
});

const countriesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/countries',
  component: lazyRouteComponent(() => import('./features/countries/countries-page'), 'CountriesPage'),
});

const countryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/countries/$code',
  validateSearch: parseCountrySearch,
  component: lazyRouteComponent(() => import('./features/countries/country-page'), 'CountryPage'),
});

const projectsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects',
  validateSearch: parseProjectsSearch,
  component: lazyRouteComponent(() => import('./features/projects/projects-page'), 'ProjectsPage'),
});

const projectRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects/$code',
  validateSearch: parseProjectSearch,
  component: lazyRouteComponent(() => import('./features/projects/project-page'), 'ProjectPage'),
});

const regionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/regions/$code',
  validateSearch: parseRegionSearch,
  component: lazyRouteComponent(() => import('./features/region/region-page'), 'RegionPage'),
});

const explorerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/explorer',
  validateSearch: parseExplorerSearch,
  component: lazyRouteComponent(() => import('./features/explorer/explorer-page'), 'ExplorerPage'),
});

const entryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/entry',
  component: lazyRouteComponent(() => import('./features/entry/entry-page'), 'EntryPage'),
});

const entryReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/entry/$orgUnit/$period',
  component: lazyRouteComponent(() => import('./features/entry/report-page'), 'EntryReportPage'),
});

const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review',
  validateSearch: parseReviewSearch,
  component: lazyRouteComponent(() => import('./features/review/review-page'), 'ReviewPage'),
});

const reviewReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review/$orgUnit/$period',
  component: lazyRouteComponent(() => import('./features/review/review-report-page'), 'ReviewReportPage'),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: parseLoginSearch,
  component: lazyRouteComponent(() => import('./features/auth/login-page'), 'LoginPage'),
});

const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  component: lazyRouteComponent(() => import('./features/admin/admin-page'), 'AdminPage'),
});

const aboutRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/about',
  component: lazyRouteComponent(() => import('./features/about/about-page'), 'AboutPage'),
});

const routeTree = rootRoute.addChildren([
  overviewRoute,
  countriesRoute,
  countryRoute,
  projectsRoute,
  projectRoute,
  regionRoute,
  explorerRoute,
  entryRoute,
  entryReportRoute,
  reviewRoute,
  reviewReportRoute,
  loginRoute,
  adminRoute,
  aboutRoute,
]);

export function createAppRouter() {
  return createRouter({
    routeTree,
    defaultErrorComponent: RouteError,
    defaultPendingComponent: PagePending,
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
