// The approval chain in Costa Rica, in Spanish, as its people use it: Upala's staff enter the
// quarter and meet the outlier rule; the Alajuela council returns the report with a note on the
// field it concerns; Upala fixes it and resubmits; the council approves, the national coordinator
// accepts, and a donor finds the new value on the dashboard. Naga City's staff can neither open nor
// write Upala's report. Every run starts from a fresh demo database.
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';

const FIELD = 'WOMEN_SHELTERED';
const FIELD_NAME = 'Mujeres acogidas y acompañadas por la Casa de Derechos de las Mujeres';
const REPORT = '/api/reports/CRI-upala/2026Q3';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** A fresh Spanish-speaking browser session, signed in through the form at `path`. */
async function openAs(browser: Browser, email: string, path: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'es-CR' });
  const page = await context.newPage();
  await page.goto(path);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña').fill('m4d-demo');
  await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
  return page;
}

async function expectSaved(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /^Guardado a las / })).toBeVisible();
}

async function step(page: Page, action: string, dialogTitle: string, comment?: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  if (comment) await dialog.getByRole('textbox').fill(comment);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('Upala reports, Alajuela returns it with a note on a field, then approves; the nation accepts; a donor sees it', async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // Upala's staff open the quarter being reported, in Spanish.
  const upala = await openAs(browser, 'local.upala@example.org', '/entry');
  await expect(upala).toHaveURL(/\/entry\/CRI-upala\/2026Q3$/);
  await expect(upala.getByRole('heading', { level: 1, name: 'Upala · T3 2026' })).toBeVisible();
  const detail = (await (await upala.request.get(REPORT)).json()) as {
    previousValues: { indicator: string; value: number }[];
  };
  const previous = detail.previousValues.find((row) => row.indicator === FIELD)?.value ?? 0;
  const field = upala.locator(`#field-${FIELD}`);
  const input = upala.getByRole('textbox', { name: FIELD_NAME });

  // Far above last quarter: saved, but it needs an explanation before the report can go.
  const high = previous * 3 + 12;
  await input.fill(String(high));
  await input.blur();
  await expectSaved(upala);
  await expect(field.locator('.field-warning')).toContainText('más del triple del trimestre anterior');
  await upala.getByRole('button', { name: 'Enviar a revisión' }).click();
  const blocked = upala.getByRole('dialog', { name: '¿Enviar el informe de Upala?' });
  await blocked.getByRole('button', { name: 'Enviar a revisión' }).click();
  await expect(blocked.getByRole('alert')).toContainText(`Añada un comentario en: ${FIELD_NAME}`);
  await blocked.getByRole('button', { name: 'Cancelar' }).click();
  await field.getByLabel('Comentario').fill('Se abrió un segundo albergue en septiembre.');
  await field.getByLabel('Comentario').blur();
  await expectSaved(upala);
  await step(upala, 'Enviar a revisión', '¿Enviar el informe de Upala?');
  await expect(upala.locator('.report-facts')).toContainText('Enviado');
  await expect(input).toHaveCount(0);

  // Naga City's staff: the interface offers no way in, and the API refuses a write.
  const naga = await openAs(browser, 'local.naga@example.org', '/entry/CRI-upala/2026Q3');
  await expect(naga.getByRole('heading', { level: 1, name: 'Informe no disponible' })).toBeVisible();
  await expect(naga.getByText('No puede abrir los informes de CRI-upala')).toBeVisible();
  const write = await naga.request.put(`${REPORT}/values`, {
    data: { values: [{ indicator: FIELD, option: 'TOTAL', value: 1 }] },
    headers: { origin: new URL(naga.url()).origin },
  });
  expect(write.status()).toBe(403);
  await naga.context().close();

  // The Alajuela council returns it, pointing at the field.
  const council = await openAs(browser, 'region.alajuela@example.org', '/review');
  await council.getByLabel('Trimestre').selectOption('2026Q3');
  await council
    .getByRole('table', { name: /Informes/ })
    .getByRole('link', { name: 'Upala' })
    .click();
  await expect(council).toHaveURL(/\/review\/CRI-upala\/2026Q3$/);
  const reviewed = council.locator(`#field-${FIELD}`);
  await expect(reviewed).toContainText('Se abrió un segundo albergue');
  await reviewed.getByRole('button', { name: 'Añadir una nota sobre este campo' }).click();
  await reviewed
    .getByRole('textbox', { name: 'Nota para Upala sobre este campo' })
    .fill('¿Incluye a las mujeres acogidas en Los Chiles? Cuente solo las de Upala.');
  await expectNoSeriousViolations(council);
  await council.getByRole('button', { name: 'Devolver para corregir', exact: true }).click();
  const returnDialog = council.getByRole('dialog', { name: '¿Devolver el informe de Upala para corregir?' });
  await expect(returnDialog).toContainText(`Su nota sobre 1 campo va con ella: ${FIELD_NAME}.`);
  await returnDialog.getByRole('textbox').fill('Revise la cifra de mujeres acogidas antes de reenviar.');
  await returnDialog.getByRole('button', { name: 'Devolver para corregir' }).click();
  await expect(returnDialog).toBeHidden();
  await expect(council.locator('.report-facts')).toContainText('Devuelto');

  // Upala sees the comment on the report and the note on the field, fixes the value, resubmits.
  await upala.reload();
  const returned = upala.getByRole('region', { name: 'Devuelto para corregir' });
  await expect(returned).toContainText('Revise la cifra de mujeres acogidas antes de reenviar.');
  await expect(returned.getByRole('link', { name: FIELD_NAME })).toBeVisible();
  await expect(field.locator('.field-note')).toContainText('Consejo Regional de Alajuela');
  await expect(field.locator('.field-note')).toContainText('Cuente solo las de Upala.');
  await expect(input).toHaveAccessibleDescription(/Cuente solo las de Upala/);
  const fixed = previous + 2;
  await input.fill(String(fixed));
  await input.blur();
  await expectSaved(upala);
  await step(upala, 'Enviar a revisión', '¿Enviar el informe de Upala?');
  await expect(upala.locator('.report-facts')).toContainText('Enviado');
  await expect(field.locator('.field-note')).toHaveCount(0);
  await upala.context().close();

  // The council approves; the national coordinator accepts.
  await council.reload();
  await expect(reviewed).toContainText(String(fixed));
  await step(council, 'Aprobar', '¿Aprobar el informe de Upala?');
  await expect(council.locator('.report-facts')).toContainText('Aprobado');
  await council.context().close();

  const nation = await openAs(browser, 'national.cri@example.org', '/review/CRI-upala/2026Q3');
  await step(nation, 'Aceptar', '¿Aceptar el informe de Upala?');
  await expect(nation.locator('.report-facts')).toContainText('Aceptado');
  await nation.context().close();

  // A donor finds Upala's new value among Alajuela's municipalities.
  const donor = await openAs(browser, 'donor@example.org', '/login');
  await donor.goto(`/countries/CR-A?indicator=${FIELD}&from=2026Q3&to=2026Q3`);
  const upalaRow = donor.getByRole('row').filter({ has: donor.getByRole('link', { name: 'Upala', exact: true }) });
  await expect(upalaRow).toContainText(String(fixed));
  await donor.context().close();
});
