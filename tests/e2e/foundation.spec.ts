// A newcomer's first minutes: the demo programme in the browser, a project's results framework,
// the language switch, the credits — and no serious accessibility violation on any of them.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('the overview shows the demo programme from the API', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Programme overview' })).toBeVisible();
  await expect(page.getByText('Demo data')).toBeVisible();

  const countries = page.getByRole('table', { name: 'Countries' });
  await expect(countries.getByRole('row')).toHaveCount(9); // header + eight countries
  for (const name of [
    'Costa Rica',
    'Ecuador',
    'El Salvador',
    'Morocco',
    'Nepal',
    'Philippines',
    'Senegal',
    'Tunisia',
  ]) {
    await expect(countries.getByRole('link', { name })).toBeVisible();
  }
  const projects = page.getByRole('table', { name: 'Projects' });
  await expect(projects.getByRole('row')).toHaveCount(16);
  await expect(projects.getByText('Illustrative').first()).toBeVisible();

  // The headline figure is a real number from approved reports, not a placeholder.
  const served = page.getByRole('region', { name: 'Headline indicators' });
  await expect(served).toContainText(/\d{1,3}(,\d{3})+/);
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: 'test-results/e2e/overview.png', fullPage: true });
});

test("a project's results framework and covered units", async ({ page }) => {
  await page.goto('/projects');
  await page.getByRole('link', { name: /Bicol/ }).first().click();
  await expect(page).toHaveURL(/\/projects\/PHL-BICOL$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bicol');
  await expect(page.getByText('Naga City').first()).toBeVisible();
  await expect(page.getByText(/coordination meetings/i).first()).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('drilling down from a country to a municipality with a breadcrumb', async ({ page }) => {
  await page.goto('/countries/PHL');
  await expect(page.getByRole('heading', { level: 1, name: 'Philippines' })).toBeVisible();
  await page.getByRole('link', { name: 'Bicol Region' }).click();
  await page.getByRole('link', { name: 'Camarines Sur' }).click();
  await page.getByRole('link', { name: 'Naga City' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Naga City' })).toBeVisible();
  const breadcrumb = page.getByRole('navigation', { name: /breadcrumb/i });
  await expect(breadcrumb.getByRole('link', { name: 'Bicol Region' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Camarines Sur' })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('switching to Spanish and French translates the interface and the metadata, and is remembered', async ({
  page,
}) => {
  await page.goto('/projects/PHL-BICOL');
  const switcher = page.getByLabel('Language');
  await switcher.selectOption('es');
  const nav = page.getByRole('navigation', { name: 'Principal' });
  await expect(nav.getByRole('link', { name: 'Proyectos' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('consejos de migración');
  await page.reload();
  await expect(nav.getByRole('link', { name: 'Proyectos' })).toBeVisible();

  await page.getByLabel('Idioma').selectOption('fr');
  await expect(
    page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Projets' }),
  ).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('table', { name: /Pays/ }).getByRole('link', { name: 'Maroc' })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('the About page gives the data credits and licences', async ({ page }) => {
  await page.goto('/about');
  await expect(page.getByText(/Natural Earth/).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /CC BY 4\.0/ }).first()).toHaveAttribute(
    'href',
    'https://creativecommons.org/licenses/by/4.0/',
  );
  await expect(page.getByText(/MIT/).first()).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('an unknown page and an unknown project say so', async ({ page }) => {
  await page.goto('/projects/NO-SUCH-PROJECT');
  await expect(page.getByText(/not found|No project/i).first()).toBeVisible();
  await page.goto('/no/such/page');
  await expect(page.getByText(/not found/i).first()).toBeVisible();
});
