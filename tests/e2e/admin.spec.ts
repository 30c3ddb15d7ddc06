// Account administration in the browser: the programme administrator opens a local account for
// Pili's municipal office, hands over the one-time password, the new person signs in and lands on
// Pili's quarterly form; the administrator edits the account, resets its password, deactivates it,
// and the person can no longer sign in. Non-administrators are refused. axe on the page and dialogs.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

/** axe on the page, or on one part of it (an open dialog: the page behind it was checked already). */
async function expectNoSeriousViolations(page: Page, within?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (within ? builder.include(within) : builder).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

async function signIn(page: Page, email: string, password = 'm4d-demo') {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
}

test.use({ viewport: { width: 1280, height: 800 } });

test('an administrator opens an account for Pili, hands over its password, and closes it again', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(240_000);
  // Unique per run, so a retry on the same database does not meet the first attempt's account.
  const stamp = Date.now().toString(36);
  const email = `officer.pili.${stamp}@example.org`;
  const name = `Pili municipal office ${stamp}`;
  const banner = page.getByRole('banner');

  await page.goto('/login');
  await signIn(page, 'admin@example.org');
  await banner.getByRole('link', { name: 'Admin' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'User accounts' })).toBeVisible();
  const table = page.getByRole('table', { name: /User accounts/ });
  const naga = table.getByRole('row', { name: /local\.naga@example\.org/ });
  await expect(naga).toContainText('Local staff');
  await expect(naga).toContainText('Naga City');
  await expect(naga.getByRole('button', { name: 'Edit Naga City Migration Centre' })).toBeVisible();

  // The filters live in the URL.
  await page.getByLabel('Role', { exact: true }).selectOption('regional');
  await expect(page).toHaveURL(/\/admin\?role=regional$/);
  await expect(table).toContainText('region.bicol@example.org');
  await expect(naga).toHaveCount(0);
  await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'Naga City' });
  await expect(page.getByText('No account matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await page.screenshot({ path: 'test-results/e2e/admin-en.png' });
  // The table's own filter box finds names and emails. axe on the page with a few rows: every row
  // is built alike, and 135 of them make axe slow.
  await page.getByLabel('Filter the table “User accounts”').fill('naga');
  await expect(page).toHaveURL(/\/admin\?q=naga$/);
  await expect(naga).toBeVisible();
  await expect(table.getByRole('row', { name: /region\.bicol@example\.org/ })).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: 'Clear the filters' }).click();

  // Create: what the form can see before sending, then what only the server knows, inline.
  await page.getByRole('button', { name: 'Create an account' }).click();
  const form = page.getByRole('dialog', { name: 'Create an account' });
  await form.getByRole('button', { name: 'Create an account' }).click();
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Email')).toBeFocused();
  await expect(form).toContainText('Enter a name');
  await expect(form).toContainText('Choose the unit this account works for.');

  await form.getByLabel('Email').fill('local.naga@example.org');
  await form.getByLabel('Name', { exact: true }).fill(name);
  // The unit list follows the role: regional accounts pick a region or province, not a municipality.
  await form.getByLabel('Role').selectOption({ label: 'Regional council' });
  await form.getByLabel('Search regions and provinces').fill('Camarines');
  await expect(form.getByLabel('Region or province').getByRole('option')).toHaveText([
    'Camarines Sur · Bicol Region (PH-CAS)',
  ]);
  await form.getByLabel('Role').selectOption({ label: 'Donor' });
  await expect(form).toContainText('they belong to no unit');
  await form.getByLabel('Role').selectOption({ label: 'Local staff' });
  await form.getByLabel('Search municipalities').fill('pili');
  const municipalities = form.getByLabel('Municipality', { exact: true });
  await expect(municipalities.getByRole('option')).toHaveText(['Pili · Camarines Sur (PHL-pili)']);
  await municipalities.selectOption('PHL-pili');
  await form.getByRole('button', { name: 'Create an account' }).click();
  await expect(form.getByText('An account with this email address already exists.')).toBeVisible();
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'dialog[open]');

  await form.getByLabel('Email').fill(email);
  await form.getByRole('button', { name: 'Create an account' }).click();
  const created = page.getByRole('dialog', { name: 'Account created' });
  await expect(created).toContainText(`${name} can now sign in with ${email}`);
  await expect(created).toContainText('Shown this once only');
  const password = await created.getByLabel('Password').inputValue();
  expect(password.length).toBeGreaterThanOrEqual(16);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL ?? '' });
  await created.getByRole('button', { name: 'Copy' }).click();
  await expect(created.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
  await expectNoSeriousViolations(page, 'dialog[open]');
  await created.getByRole('button', { name: 'Done' }).click();
  await expect(created).toBeHidden();
  const row = table.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
  await expect(row).toContainText('Pili');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');
  await signOut(page);

  // The new person signs in with the handed-over password and lands on Pili's form.
  await page.goto('/login');
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/entry\/PHL-pili\/\d{4}Q[1-4]$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Pili · Q[1-4] \d{4}$/ })).toBeVisible();
  await expect(banner).toContainText(name);
  await expect(banner).toContainText('Local staff · Pili');
  await expect(page.getByRole('textbox', { name: 'Multi-level coordination meetings held' })).toBeEditable();
  await expect(banner.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  // No admin page for them: the page says so, and the API refuses.
  await page.goto('/admin');
  await expect(
    page.getByText('Only administrators manage user accounts. You are signed in as Local staff.'),
  ).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  expect((await page.request.get('/api/users')).status()).toBe(403);
  await signOut(page);

  // The administrator edits the account, resets its password, then deactivates it.
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login\?redirect=%2Fadmin$/);
  await signIn(page, 'admin@example.org');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(row).not.toContainText('Never');

  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${name}` });
  await expect(edit.getByLabel('Role')).toHaveValue('local');
  await expect(edit.getByLabel('Municipality', { exact: true })).toHaveValue('PHL-pili');
  await edit.getByLabel('Language').selectOption('es');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText(`Changes to ${name} saved.`)).toBeVisible();

  await row.getByRole('button', { name: `Reset password ${name}` }).click();
  const reset = page.getByRole('dialog', { name: `Reset the password of ${name}?` });
  await reset.getByRole('button', { name: 'Reset password' }).click();
  const fresh = page.getByRole('dialog', { name: `New password for ${name}` });
  const newPassword = await fresh.getByLabel('Password').inputValue();
  expect(newPassword).not.toBe(password);
  await fresh.getByRole('button', { name: 'Done' }).click();

  // Their own row offers no way to lock themselves out, and the server refuses it anyway.
  const own = table.getByRole('row', { name: /admin@example\.org/ });
  await expect(own).toContainText('(you)');
  await expect(own.getByRole('button', { name: /^Deactivate/ })).toHaveCount(0);
  const users = (await (await page.request.get('/api/users')).json()) as { items: { id: number; email: string }[] };
  const adminId = users.items.find((user) => user.email === 'admin@example.org')?.id;
  const selfLockout = await page.request.patch(`/api/users/${adminId}`, {
    data: { active: false },
    headers: { origin: baseURL ?? '' },
  });
  expect(selfLockout.status()).toBe(409);

  await row.getByRole('button', { name: `Deactivate ${name}` }).click();
  const deactivate = page.getByRole('dialog', { name: `Deactivate ${name}?` });
  await expect(deactivate).toContainText('cannot sign in until an administrator reactivates the account');
  await expectNoSeriousViolations(page, 'dialog[open]');
  await deactivate.getByRole('button', { name: 'Deactivate' }).click();
  await expect(deactivate).toBeHidden();
  await expect(row).toContainText('Deactivated');
  await expect(row.getByRole('button', { name: `Reactivate ${name}` })).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('inactive');
  await expect(page).toHaveURL(/\/admin\?status=inactive$/);
  await expect(row).toBeVisible();
  await expect(naga).toHaveCount(0);
  await signOut(page);

  // A deactivated account cannot sign in, with the old password or the new one.
  await page.goto('/login');
  for (const attempt of [newPassword, password]) {
    await signIn(page, email, attempt);
    await expect(page.getByRole('alert')).toContainText('The email or the password is not right');
  }
  await expect(page).toHaveURL(/\/login$/);
});

test('a donor signed in gets no admin link and a clear refusal at /admin', async ({ page }) => {
  await page.goto('/admin');
  await signIn(page, 'donor@example.org');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'User accounts' })).toBeVisible();
  await expect(page.getByText('Only administrators manage user accounts. You are signed in as Donor.')).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create an account' })).toHaveCount(0);
  await expectNoSeriousViolations(page);
});
