// Code-based routes. Every page component is loaded lazily, so the entry chunk holds only the
// shell (layout, i18n, router, query client) and a page's libraries load with that page.
import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { NotFoundPage, PagePending, RouteError } from './app/fallbacks';
import { AppLayout } from './app/layout';
import { parseProjectsSearch } from './features/projects/search';

const rootRoute = createRootRoute({ component: AppLayout, notFoundComponent: NotFoundPage });

const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
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
  component: lazyRouteComponent(() => import('./features/projects/project-page'), 'ProjectPage'),
});

const entryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/entry',
  component: lazyRouteComponent(() => import('./features/entry/entry-page'), 'EntryPage'),
});

const reviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/review',
  component: lazyRouteComponent(() => import('./features/review/review-page'), 'ReviewPage'),
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
  entryRoute,
  reviewRoute,
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
