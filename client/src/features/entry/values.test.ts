import { describe, expect, test } from 'vitest';
import {
  type CellInput,
  decimalMarkOf,
  indicatorTotal,
  inputFromStored,
  parseCell,
  parseDecimal,
  parseWhole,
  samePayload,
  type ValueType,
} from './values';

const typed = (value: string): CellInput => ({ value, numerator: '', denominator: '' });
const fraction = (numerator: string, denominator: string): CellInput => ({ value: '', numerator, denominator });

describe('parseWhole', () => {
  test.each([
    ['', null],
    ['  ', null],
    ['0', 0],
    ['42', 42],
    [' 42 ', 42],
    ['1,234', 1234],
    ['1.234', 1234],
    ['1 234', 1234],
    ['1\u202f234\u202f567', 1234567],
    ['2.5', 'notWholeNumber'],
    ['2,5', 'notWholeNumber'],
    ['-3', 'negative'],
    ['12a', 'notNumber'],
    ['1e3', 'notNumber'],
    ['1,23', 'notWholeNumber'],
  ])('%j → %j', (text, expected) => {
    expect(parseWhole(text)).toBe(expected);
  });
});

describe('parseDecimal', () => {
  test.each<[string, '.' | ',', number | string | null]>([
    ['3.5', '.', 3.5],
    ['3,5', ',', 3.5],
    // A French reader typing a dot still means a decimal when it does not group thousands…
    ['3.5', ',', 3.5],
    // …but three digits after the other mark are thousands.
    ['1.500', ',', 1500],
    ['1,500', '.', 1500],
    ['1,500', ',', 1.5],
    ['1.500', '.', 1.5],
    ['1,234.56', '.', 1234.56],
    ['1.234,56', ',', 1234.56],
    ['1 234,5', ',', 1234.5],
    ['3.', '.', 3],
    ['.5', '.', 0.5],
    ['', '.', null],
    ['1.2.3', '.', 'notNumber'],
    ['abc', '.', 'notNumber'],
    ['-0.5', '.', 'negative'],
    ['−2', ',', 'negative'],
  ])('%j with %j → %j', (text, mark, expected) => {
    expect(parseDecimal(text, mark)).toBe(expected);
  });
});

describe('parseCell by value type', () => {
  test.each<[ValueType, CellInput, number | null, ReturnType<typeof parseCell>]>([
    ['integer', typed('17'), null, { ok: true, value: 17, numerator: null, denominator: null }],
    ['integer', typed('17.5'), null, { ok: false, error: 'notWholeNumber', part: 'value' }],
    ['integer', typed(''), null, { ok: true, value: null, numerator: null, denominator: null }],
    ['number', typed('4,25'), null, { ok: true, value: 4.25, numerator: null, denominator: null }],
    ['number', typed('-1'), null, { ok: false, error: 'negative', part: 'value' }],
    ['yes_no', typed('1'), null, { ok: true, value: 1, numerator: null, denominator: null }],
    ['yes_no', typed('0'), null, { ok: true, value: 0, numerator: null, denominator: null }],
    ['yes_no', typed('2'), null, { ok: false, error: 'notYesNo', part: 'value' }],
    ['stage', typed('3'), 4, { ok: true, value: 3, numerator: null, denominator: null }],
    ['stage', typed('5'), 4, { ok: false, error: 'stageRange', part: 'value' }],
    ['stage', typed('6'), 6, { ok: true, value: 6, numerator: null, denominator: null }],
    ['percentage', fraction('1', '8'), null, { ok: true, value: 12.5, numerator: 1, denominator: 8 }],
    ['percentage', fraction('2', '3'), null, { ok: true, value: 66.6667, numerator: 2, denominator: 3 }],
    ['percentage', fraction('', ''), null, { ok: true, value: null, numerator: null, denominator: null }],
    ['percentage', fraction('5', ''), null, { ok: false, error: 'needBoth', part: 'denominator' }],
    ['percentage', fraction('', '5'), null, { ok: false, error: 'needBoth', part: 'numerator' }],
    ['percentage', fraction('5', '0'), null, { ok: false, error: 'denominatorZero', part: 'denominator' }],
    ['percentage', fraction('x', '4'), null, { ok: false, error: 'notNumber', part: 'numerator' }],
  ])('%s %j (stages to %s)', (valueType, input, stageMax, expected) => {
    expect(parseCell(input, valueType, '.', stageMax)).toEqual(expected);
  });
});

test.each([
  [{ value: 2.5, numerator: null, denominator: null }, 'number', ',', typed('2,5')],
  [{ value: 12.5, numerator: 1, denominator: 8 }, 'percentage', '.', fraction('1', '8')],
  [undefined, 'integer', '.', typed('')],
] as const)('inputFromStored(%j, %s, %s)', (stored, valueType, mark, expected) => {
  expect(inputFromStored(stored, valueType, mark)).toEqual(expected);
});

test.each([
  [
    { value: 1, numerator: null, denominator: null, comment: null },
    { value: 1, numerator: null, denominator: null, comment: null },
    true,
  ],
  [
    { value: 1, numerator: null, denominator: null, comment: 'x' },
    { value: 1, numerator: null, denominator: null, comment: null },
    false,
  ],
  [{ value: null, numerator: null, denominator: null, comment: 'x' }, null, true],
  [{ value: 0, numerator: null, denominator: null, comment: null }, null, false],
])('samePayload(%j, %j) → %s', (a, b, expected) => {
  expect(samePayload(a, b)).toBe(expected);
});

test.each([
  ['en', '.'],
  ['es', ','],
  ['fr', ','],
])('the decimal mark of %s is %j', (locale, mark) => {
  expect(decimalMarkOf(locale)).toBe(mark);
});

describe('indicatorTotal', () => {
  const row = (value: number | null, numerator: number | null = null, denominator: number | null = null) => ({
    value,
    numerator,
    denominator,
  });
  test.each<[ValueType, ReturnType<typeof row>[], ReturnType<typeof row>]>([
    ['integer', [row(3), row(4), row(null)], row(7)],
    ['number', [row(1.5), row(2)], row(3.5)],
    ['integer', [row(null), row(null)], row(null)],
    ['integer', [], row(null)],
    ['percentage', [row(12.5, 1, 8)], row(12.5, 1, 8)],
    ['stage', [row(3)], row(3)],
    ['yes_no', [row(0)], row(0)],
  ])('%s %j → %j', (valueType, rows, expected) => {
    expect(indicatorTotal(valueType, rows)).toEqual(expected);
  });
});
