import { describe, expect, test } from 'vitest';
import {
  type Context,
  classifySaveFailure,
  collectChanges,
  type DraftAction,
  type DraftState,
  draftReducer,
  initialDraft,
  parseSavedDraft,
  retryDelay,
  type StoredRow,
  toSavedDraft,
} from './draft';
import type { CellInput } from './values';

const context: Context = {
  decimalMark: '.',
  specs: [
    { code: 'MEETINGS', valueType: 'integer', stageMax: null, options: ['TOTAL'] },
    { code: 'SERVED', valueType: 'integer', stageMax: null, options: ['F', 'M'] },
    { code: 'SHARE', valueType: 'percentage', stageMax: null, options: ['TOTAL'] },
  ],
};

function stored(
  indicator: string,
  option: string,
  value: number,
  version = 1,
  extra: Partial<StoredRow> = {},
): StoredRow {
  return {
    indicator,
    option,
    value,
    numerator: null,
    denominator: null,
    comment: null,
    version,
    updatedAt: '2026-10-03T15:34:35.327Z',
    updatedBy: 'Naga City Migration Centre',
    ...extra,
  };
}

const loaded = [stored('MEETINGS', 'TOTAL', 5, 3), stored('SERVED', 'F', 10, 1), stored('SERVED', 'M', 12, 2)];
const text = (value: string): CellInput => ({ value, numerator: '', denominator: '' });

function run(actions: DraftAction[], values: StoredRow[] = loaded): DraftState {
  return actions.reduce(draftReducer(context), initialDraft(values));
}

describe('what the form sends', () => {
  test('nothing when nothing was typed', () => {
    expect(collectChanges(run([]), context)).toEqual({ writes: [], invalid: [], held: [], commentsWithoutValue: [] });
  });

  test('a changed value goes with the version it was loaded with; a new one with null', () => {
    const state = run([
      { type: 'input', key: 'MEETINGS/TOTAL', input: text('7') },
      { type: 'input', key: 'SHARE/TOTAL', input: { value: '', numerator: '1', denominator: '4' } },
    ]);
    expect(collectChanges(state, context).writes).toEqual([
      {
        indicator: 'MEETINGS',
        option: 'TOTAL',
        value: 7,
        numerator: null,
        denominator: null,
        comment: null,
        version: 3,
      },
      { indicator: 'SHARE', option: 'TOTAL', value: 25, numerator: 1, denominator: 4, comment: null, version: null },
    ]);
  });

  test('typing back the saved text leaves nothing to send', () => {
    const state = run([
      { type: 'input', key: 'MEETINGS/TOTAL', input: text('7') },
      { type: 'input', key: 'MEETINGS/TOTAL', input: text('5') },
    ]);
    expect(state.inputs).toEqual({});
    expect(state.bases).toEqual({});
    expect(collectChanges(state, context).writes).toEqual([]);
  });

  test('clearing a field sends an empty value, which deletes it', () => {
    const state = run([{ type: 'input', key: 'SERVED/M', input: text('') }]);
    expect(collectChanges(state, context).writes).toEqual([
      { indicator: 'SERVED', option: 'M', value: null, numerator: null, denominator: null, comment: null, version: 2 },
    ]);
  });

  test('invalid text stays on the device and is not sent', () => {
    const state = run([
      { type: 'input', key: 'SERVED/F', input: text('1.5') },
      { type: 'input', key: 'SERVED/M', input: text('13') },
    ]);
    const changes = collectChanges(state, context);
    expect(changes.invalid).toEqual(['SERVED/F']);
    expect(changes.writes.map((write) => write.option)).toEqual(['M']);
  });

  test("an indicator's comment is stored on its first filled row", () => {
    const state = run([
      { type: 'input', key: 'SERVED/F', input: text('') },
      { type: 'comment', indicator: 'SERVED', text: '  Outreach day at the border. ' },
    ]);
    expect(collectChanges(state, context).writes).toEqual([
      { indicator: 'SERVED', option: 'F', value: null, numerator: null, denominator: null, comment: null, version: 1 },
      {
        indicator: 'SERVED',
        option: 'M',
        value: 12,
        numerator: null,
        denominator: null,
        comment: 'Outreach day at the border.',
        version: 2,
      },
    ]);
  });

  test('a saved comment stays on its row; editing it rewrites only that row', () => {
    const state = run(
      [{ type: 'comment', indicator: 'SERVED', text: 'Checked twice.' }],
      [stored('SERVED', 'F', 10, 1), stored('SERVED', 'M', 12, 2, { comment: 'Checked.' })],
    );
    expect(collectChanges(state, context).writes.map((write) => [write.option, write.comment])).toEqual([
      ['M', 'Checked twice.'],
    ]);
  });

  test('a comment with no value to hang it on is reported, not lost', () => {
    const state = run([{ type: 'comment', indicator: 'SHARE', text: 'No budget adopted yet.' }]);
    const changes = collectChanges(state, context);
    expect(changes.commentsWithoutValue).toEqual(['SHARE']);
    expect(changes.writes).toEqual([]);
    expect(toSavedDraft(state)?.comments).toEqual({ SHARE: 'No budget adopted yet.' });
  });
});

describe('saving and conflicts', () => {
  test('after a save, text typed while it was on its way is still pending, based on the new version', () => {
    const sending = run([{ type: 'input', key: 'MEETINGS/TOTAL', input: text('7') }]);
    const typedMeanwhile = draftReducer(context)(sending, { type: 'input', key: 'MEETINGS/TOTAL', input: text('8') });
    const saved = draftReducer(context)(typedMeanwhile, {
      type: 'saved',
      values: [stored('MEETINGS', 'TOTAL', 7, 4), ...loaded.slice(1)],
      sent: ['MEETINGS/TOTAL'],
    });
    expect(collectChanges(saved, context).writes).toEqual([
      {
        indicator: 'MEETINGS',
        option: 'TOTAL',
        value: 8,
        numerator: null,
        denominator: null,
        comment: null,
        version: 4,
      },
    ]);
  });

  test('a save that matches what was typed leaves the form clean', () => {
    const state = run([
      { type: 'input', key: 'MEETINGS/TOTAL', input: text('7') },
      { type: 'saved', values: [stored('MEETINGS', 'TOTAL', 7, 4), ...loaded.slice(1)], sent: ['MEETINGS/TOTAL'] },
    ]);
    expect(state.inputs).toEqual({});
    expect(collectChanges(state, context).writes).toEqual([]);
    expect(toSavedDraft(state)).toBeNull();
  });

  test("fresher data from the server never moves an edit's base version: the server decides", () => {
    const state = run([
      { type: 'input', key: 'MEETINGS/TOTAL', input: text('7') },
      { type: 'refresh', values: [stored('MEETINGS', 'TOTAL', 6, 4), ...loaded.slice(1)] },
    ]);
    expect(collectChanges(state, context).writes[0]?.version).toBe(3);
  });

  const conflicted = run([
    { type: 'input', key: 'MEETINGS/TOTAL', input: text('7') },
    { type: 'input', key: 'SERVED/F', input: text('11') },
    {
      type: 'conflicts',
      conflicts: [
        {
          indicator: 'MEETINGS',
          option: 'TOTAL',
          yours: { value: 7, comment: null },
          theirs: stored('MEETINGS', 'TOTAL', 9, 4, { updatedBy: 'Bicol council' }),
        },
      ],
    },
  ]);

  test('a conflict shows both values and holds that row back; the others still go', () => {
    expect(conflicted.conflicts['MEETINGS/TOTAL']).toMatchObject({
      yours: { value: 7 },
      theirs: { value: 9, version: 4, updatedBy: 'Bicol council' },
    });
    const changes = collectChanges(conflicted, context);
    expect(changes.held).toEqual(['MEETINGS/TOTAL']);
    expect(changes.writes.map((write) => write.option)).toEqual(['F']);
  });

  test('keeping mine saves it over theirs, with their version', () => {
    const state = draftReducer(context)(conflicted, { type: 'resolve', key: 'MEETINGS/TOTAL', keep: 'mine' });
    expect(state.conflicts).toEqual({});
    expect(collectChanges(state, context).writes[0]).toMatchObject({ option: 'TOTAL', value: 7, version: 4 });
  });

  test('taking theirs drops what I typed there', () => {
    const state = draftReducer(context)(conflicted, { type: 'resolve', key: 'MEETINGS/TOTAL', keep: 'theirs' });
    expect(state.inputs['MEETINGS/TOTAL']).toBeUndefined();
    expect(collectChanges(state, context).writes.map((write) => write.indicator)).toEqual(['SERVED']);
  });

  test('no conflict to settle when they saved exactly what I typed', () => {
    const state = run([
      { type: 'input', key: 'MEETINGS/TOTAL', input: text('7') },
      {
        type: 'conflicts',
        conflicts: [
          { indicator: 'MEETINGS', option: 'TOTAL', yours: { value: 7 }, theirs: stored('MEETINGS', 'TOTAL', 7, 4) },
        ],
      },
    ]);
    expect(state.conflicts).toEqual({});
    expect(collectChanges(state, context).writes).toEqual([]);
  });

  test('a value they cleared can be put back', () => {
    const state = run([
      { type: 'input', key: 'SERVED/M', input: text('14') },
      { type: 'conflicts', conflicts: [{ indicator: 'SERVED', option: 'M', yours: { value: 14 }, theirs: null }] },
      { type: 'resolve', key: 'SERVED/M', keep: 'mine' },
    ]);
    expect(collectChanges(state, context).writes).toEqual([
      { indicator: 'SERVED', option: 'M', value: 14, numerator: null, denominator: null, comment: null, version: null },
    ]);
  });

  test('a row the server refused waits until it is edited again', () => {
    const refused = run([
      { type: 'input', key: 'MEETINGS/TOTAL', input: text('700') },
      { type: 'rejected', rows: [{ key: 'MEETINGS/TOTAL', message: 'Too many.' }] },
    ]);
    expect(collectChanges(refused, context).held).toEqual(['MEETINGS/TOTAL']);
    const edited = draftReducer(context)(refused, { type: 'input', key: 'MEETINGS/TOTAL', input: text('70') });
    expect(collectChanges(edited, context).writes[0]).toMatchObject({ value: 70, version: 3 });
  });
});

describe('keeping unsaved changes on the device', () => {
  test('what was typed survives a reload, with its base versions', () => {
    const before = run([
      { type: 'input', key: 'MEETINGS/TOTAL', input: text('7') },
      { type: 'refresh', values: [stored('MEETINGS', 'TOTAL', 6, 4), ...loaded.slice(1)] },
    ]);
    const json = JSON.stringify(toSavedDraft(before));
    const saved = parseSavedDraft(json);
    if (!saved) throw new Error('expected a saved draft');
    const after = draftReducer(context)(initialDraft([stored('MEETINGS', 'TOTAL', 6, 4), ...loaded.slice(1)]), {
      type: 'restore',
      saved,
    });
    expect(collectChanges(after, context).writes).toEqual([
      {
        indicator: 'MEETINGS',
        option: 'TOTAL',
        value: 7,
        numerator: null,
        denominator: null,
        comment: null,
        version: 3,
      },
    ]);
  });

  test('a restored draft that the server already has leaves nothing to send', () => {
    const saved = parseSavedDraft(JSON.stringify({ inputs: { 'MEETINGS/TOTAL': text('5') }, comments: {}, bases: {} }));
    if (!saved) throw new Error('expected a saved draft');
    const state = draftReducer(context)(initialDraft(loaded), { type: 'restore', saved });
    expect(state.inputs).toEqual({});
  });

  test.each([[null], ['not json'], ['[]'], ['{"inputs": {"MEETINGS/TOTAL": 7}}'], ['{"inputs": {}, "comments": {}}']])(
    'nothing usable in %j',
    (json) => {
      expect(parseSavedDraft(json)).toBeNull();
    },
  );
});

test.each([
  [null, null, 'retry'],
  [502, null, 'retry'],
  [429, 'too_many', 'retry'],
  [409, 'version_conflict', 'conflict'],
  [409, 'report_locked', 'locked'],
  [400, 'invalid_values', 'invalid'],
  [401, 'sign_in_required', 'signedOut'],
  [403, 'out_of_scope', 'refused'],
  [400, 'invalid_request', 'refused'],
] as const)('a save failing with %s %s → %s', (status, code, expected) => {
  expect(classifySaveFailure(status, code)).toBe(expected);
});

test.each([
  [0, 2_000],
  [1, 4_000],
  [3, 16_000],
  [4, 30_000],
  [12, 30_000],
])('retry %i waits %i ms', (attempt, delay) => {
  expect(retryDelay(attempt)).toBe(delay);
});
