import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router';
import { describe, expect, test } from 'vitest';
import { boundsOf, type ExplorerSearch, parseExplorerSearch, readNumberRange } from './search';

describe('parseExplorerSearch', () => {
  test.each<[string, ExplorerSearch]>([
    ['', {}],
    [
      '?indicator=MIG_SERVED&unit=PH-05&from=2025Q1&to=2025Q4&group=period,unit&sort=-value,unit&hide=parent,kind',
      {
        indicator: 'MIG_SERVED',
        unit: 'PH-05',
        from: '2025Q1',
        to: '2025Q4',
        group: 'period,unit',
        sort: '-value,unit',
        hide: 'parent,kind',
      },
    ],
    ['?f_unit=naga&f_option=Female&f_value=10..50', { f_unit: 'naga', f_option: 'Female', f_value: '10..50' }],
    ['?f_value=50..10', { f_value: '10..50' }],
    ['?f_value=12', { f_value: '12..' }],
    ['?f_value=..-3.5', { f_value: '..-3.5' }],
    ['?f_value=abc&f_numerator=..&f_unit=', {}],
    ['?group=colour,unit,unit&sort=-colour', { group: 'unit' }],
    ['?hide=unit,parent,kind,period,option,value,numerator,denominator,status,comment', {}],
    ['?hide=numerator,denominator,comment', { hide: 'numerator,denominator,comment' }],
    ['?unit=1454', { unit: '1454' }],
    ['?f_comment=renovation&f_colour=red&page=3', { f_comment: 'renovation' }],
  ])('%s', (url, expected) => {
    expect(parseExplorerSearch(defaultParseSearch(url))).toEqual(expected);
  });

  test.each<ExplorerSearch>([
    { indicator: 'BUDGET_SHARE', group: 'unit,period', sort: '-value', f_value: '0.5..', hide: 'status' },
    { unit: 'SN-SE', from: '2024Q4', to: '2024Q4', f_period: '2024', f_status: 'approved' },
  ])('state → URL → the same state: %j', (state) => {
    expect(parseExplorerSearch(defaultParseSearch(defaultStringifySearch(state)))).toEqual(state);
  });
});

test.each([
  ['1..2', '1..2'],
  ['2..1', '1..2'],
  [' 3.25.. ', '3.25..'],
  ['1-2', undefined],
  ['..', undefined],
  [null, undefined],
])('readNumberRange(%j) = %j', (value, expected) => {
  expect(readNumberRange(value)).toBe(expected);
});

test.each<[string | undefined, [number | undefined, number | undefined]]>([
  ['1..2', [1, 2]],
  ['..2', [undefined, 2]],
  ['-1..', [-1, undefined]],
  [undefined, [undefined, undefined]],
])('boundsOf(%j)', (range, expected) => {
  expect(boundsOf(range)).toEqual(expected);
});
