// Code-based routes. Every page component is loaded lazily, so the entry chunk holds only the
// shell (layout, i18n, router, query client) and a page's libraries load with that page.
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { NotFoundPage, PagePending, RouteError } from './app/fallbacks';
import { AppLayout } from './app/layout';
import { parseAdminSearch } from './features/admin/search';
import { parseLoginSearch } from './features/auth/search';
import { parseCountrySearch } from './features/countries/search';
import { parseExplorerSearch } from './features/explorer/search';
import { parseOverviewSearch } from './features/programme/search';
import { parseProjectSearch, parseProjectsSearch } from './features/projects/search';
import { parseRegionSearch } from './features/region/search';
import { parseReviewSearch } from './features/review/search';
import type { InterfaceTexts } from './i18n';

interface RouterContext {
  texts: InterfaceTexts;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

/** Dashboard pages need the `dashboards` texts: fetched alongside the page's code, once. */
const withDashboardTexts = {
  loader: ({ context }: { context: RouterContext }) => context.texts.load('dashboards'),
};

const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  ...withDashboardTexts,
  path: '/',
  validateSearch: parseOverviewSearch,
  component: lazyRouteComponent(() => import('./features/programme/overview-page'), 'OverviewPage'),
});

const countriesRoute = createRoute({
  getParentRoute: () => rootRoute,
  ...withDashboardTexts,
  path: '/countries',
  component: lazyRouteComponent(() => import('./features/countries/countries-page'), 'CountriesPage'),
});

const countryRoute = createRoute({
  getParentRoute: () => rootRoute,
  ...withDashboardTexts,
  path: '/countries/$code',
  validateSearch: parseCountrySearch,
  component: lazyRouteComponent(() => import('./features/countries/country-page'), 'CountryPage'),
});

const projectsRoute = createRoute({
  getParentRoute: () => rootRoute,
  ...withDashboardTexts,
  path: '/projects',
  validateSearch: parseProjectsSearch,
  component: lazyRouteComponent(() => import('./features/projects/projects-page'), 'ProjectsPage'),
});

const projectRoute = createRoute({
  getParentRoute: () => rootRoute,
  ...withDashboardTexts,
  path: '/projects/$code',
  validateSearch: parseProjectSearch,
  component: lazyRouteComponent(() => import('./features/projects/project-page'), 'ProjectPage'),
});

const regionRoute = createRoute({
  getParentRoute: () => rootRoute,
  ...withDashboardTexts,
  path: '/regions/$code',
  validateSearch: parseRegionSearch,
  component: lazyRouteComponent(() => import('./features/region/region-page'), 'RegionPage'),
});

const explorerRoute = createRoute({
  getParentRoute: () => rootRoute,
  ...withDashboardTexts,
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
  loader: ({ context }) => context.texts.load('admin'),
  validateSearch: parseAdminSearch,
  component: lazyRouteComponent(() => import('./features/admin/admin-page'), 'AdminPage'),
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  loader: ({ context }) => context.texts.load('imports'),
  component: lazyRouteComponent(() => import('./features/imports/import-page'), 'ImportPage'),
});

const aboutRoute = createRoute({
  getParentRoute: () => rootRoute,
  ...withDashboardTexts,
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
  importRoute,
  aboutRoute,
]);

export function createAppRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
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
