// The entry-and-approval workflow through the API: the Bicol model end to end.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, ORIGIN, signIn } from '../helpers/app';
import { createSeededDatabase, ENGINES, type TestDatabase } from '../helpers/database';

type ReportDetail = {
  report: { status: string; lastComment: string | null };
  allowedActions: string[];
  sections: { project: { code: string }; indicators: string[] }[];
  indicators: { code: string; valueType: string; disaggregation: { options: { code: string }[] } }[];
  values: { indicator: string; option: string; value: number; version: number; comment: string | null }[];
  previousValues: { indicator: string; option: string; value: number }[];
  targets: { indicator: string; type: string }[];
  events: { action: string; to: string; comment: string | null }[];
  returnNotes: { indicator: string; comment: string; actor: string | null; at: string }[];
  outliers: { indicator: string; reason: string }[];
};
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

describe.each(ENGINES)('reports on %s', (engine) => {
  let handle: TestDatabase;
  let app: ReturnType<typeof createTestApp>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    handle = await createSeededDatabase(engine);
    app = createTestApp(handle);
    for (const who of ['local.naga', 'region.bicol', 'national.phl', 'local.upala', 'donor', 'admin']) {
      cookies[who] = await signIn(app, `${who}@example.org`);
    }
  }, 120_000);
  afterAll(async () => handle.dispose());

  const get = async <T>(who: string, path: string) => {
    const response = await app.request(path, { headers: { cookie: cookies[who] ?? '' } });
    return { status: response.status, body: (await response.json()) as T };
  };
  const send = async <T>(who: string, method: string, path: string, body: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { cookie: cookies[who] ?? '', origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  test("Naga City's returned report shows the reviewer's comment, last quarter's values and targets", async () => {
    const { status, body } = await get<ReportDetail>('local.naga', '/api/reports/PHL-naga-city/2026Q3');
    expect(status).toBe(200);
    expect(body.report.status).toBe('returned');
    expect(body.report.lastComment?.length).toBeGreaterThan(10);
    expect(body.events.at(-1)).toMatchObject({ action: 'return', to: 'returned' });
    expect(body.allowedActions).toEqual(['save', 'submit']);
    expect(body.sections.map((section) => section.project.code)).toContain('PHL-BICOL');
    expect(body.previousValues.length).toBeGreaterThan(0);
    expect(body.targets.some((target) => target.type === 'target')).toBe(true);
    const served = body.indicators.find((indicator) => indicator.code === 'MIG_SERVED');
    expect(served?.disaggregation.options).toHaveLength(30);
  });

  test('a council reviews its municipalities but does not type their data', async () => {
    const start = await get<ReportDetail>('region.bicol', '/api/reports/PHL-calabanga/2026Q3');
    expect(start.status).toBe(200);
    expect(start.body.allowedActions).not.toContain('save');
    const typed = await send<ErrorBody>('region.bicol', 'PUT', '/api/reports/PHL-calabanga/2026Q3/values', {
      values: [{ indicator: 'MIG_SERVED', option: 'F_Y0_17_IMMIGRANT', value: 1 }],
    });
    expect(typed.status).toBe(403);
  });

  test('saving values: all or nothing, versions, validation by type', async () => {
    const path = '/api/reports/CRI-upala/2026Q3';
    const before = await get<ReportDetail>('local.upala', path);
    expect(before.body.report.status).toBe('draft');
    const indicatorCodes = before.body.indicators.map((indicator) => indicator.code);
    const integer = before.body.indicators.find(
      (indicator) => indicator.valueType === 'integer' && indicator.disaggregation.options.length === 1,
    );
    expect(integer).toBeDefined();
    if (!integer) return;
    const existing = before.body.values.find((value) => value.indicator === integer.code);

    // A batch with one bad row writes nothing.
    const bad = await send<ErrorBody>('local.upala', 'PUT', `${path}/values`, {
      values: [
        { indicator: integer.code, option: 'TOTAL', value: 12, version: existing?.version ?? null },
        { indicator: integer.code === 'MIG_COUNCIL' ? 'WOMEN_SHELTERED' : 'MIG_COUNCIL', option: 'TOTAL', value: 2 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_values');
    const unchanged = await get<ReportDetail>('local.upala', path);
    expect(unchanged.body.values).toEqual(before.body.values);

    // A whole number is required for an integer indicator.
    const fraction = await send<ErrorBody>('local.upala', 'PUT', `${path}/values`, {
      values: [{ indicator: integer.code, option: 'TOTAL', value: 2.5, version: existing?.version ?? null }],
    });
    expect(fraction.status).toBe(400);
    expect(JSON.stringify(fraction.body.error.details)).toContain('whole number');

    // A good save bumps the version; saving with the old version again is a conflict showing both values.
    const ok = await send<{ saved: number; report: ReportDetail }>('local.upala', 'PUT', `${path}/values`, {
      values: [{ indicator: integer.code, option: 'TOTAL', value: 17, version: existing?.version ?? null }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.saved).toBe(1);
    const saved = ok.body.report.values.find((value) => value.indicator === integer.code);
    expect(saved?.value).toBe(17);
    expect(saved?.version).toBe((existing?.version ?? 0) + 1);

    const stale = await send<ErrorBody>('local.upala', 'PUT', `${path}/values`, {
      values: [{ indicator: integer.code, option: 'TOTAL', value: 99, version: existing?.version ?? null }],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(JSON.stringify(stale.body.error.details)).toContain('"value":17');
    expect(indicatorCodes.length).toBeGreaterThan(0);
  });

  test.each([
    ['a donor', 'donor', 403],
    ['Upala staff on a Philippine unit', 'local.upala', 403],
    ['the Bicol council on its own municipality (reads)', 'region.bicol', 200],
  ])('%s reading Naga City → %i', async (_who, who, status) => {
    const response = await get<unknown>(who, '/api/reports/PHL-naga-city/2026Q3');
    expect(response.status).toBe(status);
  });

  test('workflow: Naga City resubmits; Bicol approves; CFO accepts; invalid steps are 409 naming the allowed ones', async () => {
    const path = '/api/reports/PHL-naga-city/2026Q3';
    const detail = await get<ReportDetail>('local.naga', path);
    // Explain every outlier so the submission is not blocked, then submit.
    const outlierComments = detail.body.outliers.map((outlier) => {
      const value = detail.body.values.find((candidate) => candidate.indicator === outlier.indicator);
      return {
        indicator: outlier.indicator,
        option: value?.option ?? 'TOTAL',
        value: value?.value ?? 0,
        comment: 'Checked with the help office register.',
        version: value?.version ?? null,
      };
    });
    if (outlierComments.length > 0) {
      const saved = await send('local.naga', 'PUT', `${path}/values`, { values: outlierComments });
      expect(saved.status).toBe(200);
    }
    const approveEarly = await send<ErrorBody>('region.bicol', 'POST', `${path}/approve`, {});
    expect(approveEarly.status).toBe(409);
    expect(approveEarly.body.error.message).toMatch(/returned/);

    // The council's note on the field it concerns stands while the report is returned…
    expect(detail.body.returnNotes).toEqual([
      expect.objectContaining({ indicator: 'DIASPORA_USD', actor: expect.stringMatching(/Bicol/) }),
    ]);

    const submitted = await send<ReportDetail>('local.naga', 'POST', `${path}/submit`, {});
    expect(submitted.status).toBe(200);
    expect(submitted.body.report.status).toBe('submitted');
    expect(submitted.body.allowedActions).toEqual([]);
    // …and is answered by the resubmission.
    expect(submitted.body.returnNotes).toEqual([]);

    const locked = await send<ErrorBody>('local.naga', 'PUT', `${path}/values`, {
      values: [{ indicator: 'MIG_SERVED', option: detail.body.values[0]?.option ?? 'TOTAL', value: 1, version: 1 }],
    });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('report_locked');

    const noComment = await send<ErrorBody>('region.bicol', 'POST', `${path}/return`, { comment: '  ' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.code).toBe('comment_required');

    const byLocal = await send<ErrorBody>('local.naga', 'POST', `${path}/approve`, {});
    expect(byLocal.status).toBe(403);

    const approved = await send<ReportDetail>('region.bicol', 'POST', `${path}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.report.status).toBe('approved');

    const acceptByRegion = await send<ErrorBody>('region.bicol', 'POST', `${path}/accept`, {});
    expect(acceptByRegion.status).toBe(403);

    const accepted = await send<ReportDetail>('national.phl', 'POST', `${path}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body.report.status).toBe('accepted');
    expect(accepted.body.events.map((event) => event.action).slice(-3)).toEqual(['submit', 'approve', 'accept']);

    const again = await send<ErrorBody>('national.phl', 'POST', `${path}/accept`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.details).toMatchObject({ status: 'accepted', allowed: ['reopen'] });

    // Accepted values are now public.
    const publicValues = await app.request('/api/data-values?orgUnit=PHL-naga-city&periods=2026Q3');
    expect(((await publicValues.json()) as { total: number }).total).toBeGreaterThan(0);

    // The audit trail has every step.
    const audit = await get<{ items: { entityType: string; action: string }[] }>(
      'region.bicol',
      '/api/audit?orgUnit=PHL-naga-city&period=2026Q3',
    );
    expect(audit.body.items.filter((item) => item.entityType === 'report').map((item) => item.action)).toEqual([
      'accept',
      'approve',
      'submit',
    ]);
  });

  test('a return can point at single fields; wrong notes are refused and change nothing', async () => {
    const path = '/api/reports/PHL-legazpi-city/2026Q3';
    const before = await get<ReportDetail>('region.bicol', path);
    expect(before.body.report.status).toBe('submitted');
    const [first, second] = before.body.indicators.map((indicator) => indicator.code);
    if (!first || !second) throw new Error('Legazpi City reports at least two indicators in the demo');
    const refused = async (action: string, body: unknown) => {
      const response = await send<ErrorBody>('region.bicol', 'POST', `${path}/${action}`, body);
      expect(response.status).toBe(400);
      expect((await get<ReportDetail>('region.bicol', path)).body.report.status).toBe('submitted');
      return response.body.error;
    };
    const comment = 'Two fields need another look.';

    expect((await refused('approve', { notes: [{ indicator: first, comment: 'Fine' }] })).code).toBe(
      'notes_not_allowed',
    );
    const unknown = await refused('return', { comment, notes: [{ indicator: 'NO_SUCH', comment: 'Check' }] });
    expect(unknown).toMatchObject({ code: 'invalid_notes', details: { allowed: expect.arrayContaining([first]) } });
    expect(unknown.message).toMatch(/NO_SUCH is not in this report/);
    const twice = await refused('return', {
      comment,
      notes: [
        { indicator: first, comment: 'Check' },
        { indicator: first, comment: 'Check again' },
      ],
    });
    expect(twice.message).toMatch(/has two notes/);
    expect((await refused('return', { comment, notes: [{ indicator: first, comment: '   ' }] })).code).toBe(
      'invalid_notes',
    );

    const returned = await send<ReportDetail>('region.bicol', 'POST', `${path}/return`, {
      comment,
      notes: [
        { indicator: second, comment: '  Lower than last quarter: please explain.  ' },
        { indicator: first, comment: 'Please add the sex breakdown.' },
      ],
    });
    expect(returned.status).toBe(200);
    expect(returned.body.report).toMatchObject({ status: 'returned', lastComment: comment });
    expect(
      returned.body.returnNotes
        .map(({ indicator, comment }) => ({ indicator, comment }))
        .sort((a, b) => a.indicator.localeCompare(b.indicator)),
    ).toEqual(
      [
        { indicator: second, comment: 'Lower than last quarter: please explain.' },
        { indicator: first, comment: 'Please add the sex breakdown.' },
      ].sort((a, b) => a.indicator.localeCompare(b.indicator)),
    );

    // The audit trail keeps the notes with the step.
    const audit = await get<{ items: { entityType: string; action: string; newValue: unknown }[] }>(
      'region.bicol',
      '/api/audit?orgUnit=PHL-legazpi-city&period=2026Q3',
    );
    const step = audit.body.items.find((item) => item.entityType === 'report' && item.action === 'return');
    expect(step?.newValue).toMatchObject({
      status: 'returned',
      notes: expect.arrayContaining([{ indicator: first, comment: 'Please add the sex breakdown.' }]),
    });
  });

  test('the review queue lists submitted reports in the subtree only', async () => {
    const queue = await get<{ items: { orgUnit: { code: string }; status: string }[] }>(
      'region.bicol',
      '/api/reports?status=submitted',
    );
    expect(queue.status).toBe(200);
    expect(queue.body.items.length).toBeGreaterThan(0);
    expect(queue.body.items.every((item) => item.status === 'submitted')).toBe(true);
    expect(queue.body.items.every((item) => item.orgUnit.code.startsWith('PHL-'))).toBe(true);
    const outside = await get<ErrorBody>('region.bicol', '/api/reports?orgUnit=CR-A');
    expect(outside.status).toBe(403);
    const donor = await get<ErrorBody>('donor', '/api/reports');
    expect(donor.status).toBe(403);
  });

  test('a queue longer than the limit says it was cut: total and truncated', async () => {
    type Queue = { items: { orgUnit: { code: string }; period: string }[]; total: number; truncated: boolean };
    const whole = await get<Queue>('region.bicol', '/api/reports?limit=5000');
    expect(whole.body.truncated).toBe(false);
    expect(whole.body.total).toBe(whole.body.items.length);
    const all = whole.body.total;
    expect(all).toBeGreaterThan(3);

    const cut = await get<Queue>('region.bicol', '/api/reports?limit=3');
    expect(cut.status).toBe(200);
    expect(cut.body).toMatchObject({ total: all, truncated: true });
    // The first three of the same order: the latest quarter first.
    expect(cut.body.items).toEqual(whole.body.items.slice(0, 3));

    // Exactly full is not cut; the filters narrow the total too.
    const exact = await get<Queue>('region.bicol', `/api/reports?limit=${all}`);
    expect(exact.body).toMatchObject({ total: all, truncated: false });
    const submitted = await get<Queue>('region.bicol', '/api/reports?status=submitted&limit=1');
    const submittedAll = await get<Queue>('region.bicol', '/api/reports?status=submitted');
    expect(submitted.body.total).toBe(submittedAll.body.items.length);
    expect(submitted.body.truncated).toBe(submittedAll.body.items.length > 1);
  });
});
