import { expect, test } from 'vitest';
import { localToday, openQuarters, parseReportParams, timeliness } from './params';

test.each([
  [
    { orgUnit: 'PHL-naga-city', period: '2026Q3' },
    { orgUnit: 'PHL-naga-city', period: '2026Q3' },
  ],
  [
    { orgUnit: 'PH-05', period: '2025Q4' },
    { orgUnit: 'PH-05', period: '2025Q4' },
  ],
  [{ orgUnit: 'PHL-naga-city', period: '2026Q5' }, null],
  [{ orgUnit: 'PHL-naga-city', period: '2026' }, null],
  [{ orgUnit: '../admin', period: '2026Q3' }, null],
  [{ orgUnit: '', period: '2026Q3' }, null],
  [{ orgUnit: 'PHL-naga-city' }, null],
])('parseReportParams(%j) → %j', (params, expected) => {
  expect(parseReportParams(params)).toEqual(expected);
});

test.each([
  ['2026-10-30', '2026-10-17T18:47:29.764Z', '2026-11-28', 'onTime'],
  ['2026-10-30', '2026-10-30T23:10:00.000Z', '2026-11-28', 'onTime'],
  ['2026-10-30', '2026-11-02T08:00:00.000Z', '2026-11-28', 'late'],
  ['2026-10-30', null, '2026-10-30', 'due'],
  ['2026-10-30', null, '2026-11-28', 'overdue'],
  [null, null, '2026-11-28', 'noDeadline'],
])('deadline %s, submitted %s, today %s → %s', (deadline, submittedAt, today, expected) => {
  expect(timeliness(deadline, submittedAt, today)).toBe(expected);
});

test('localToday pads months and days', () => {
  expect(localToday(new Date(2026, 0, 5, 12))).toBe('2026-01-05');
});

test('openQuarters: started ones only, newest first, capped', () => {
  const items = [
    { id: '2026Q1', startDate: '2026-01-01' },
    { id: '2026Q2', startDate: '2026-04-01' },
    { id: '2026', startDate: '2026-01-01' },
    { id: '2026Q4', startDate: '2026-10-01' },
    { id: '2026Q3', startDate: '2026-07-01' },
    { id: '2027Q1', startDate: '2027-01-01' },
  ];
  expect(openQuarters(items, '2026-11-28', 3).map((item) => item.id)).toEqual(['2026Q4', '2026Q3', '2026Q2']);
});
