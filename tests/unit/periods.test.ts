import { describe, expect, test } from 'vitest';
import {
  addQuarters,
  lastCompleteQuarter,
  parseQuarter,
  quarterDates,
  quarterId,
  quartersEndingWith,
} from '../../db/periods';

describe('quarters', () => {
  test.each([
    ['2026-11-28', '2026Q3'],
    ['2026-10-01', '2026Q3'],
    ['2026-09-30', '2026Q2'],
    ['2026-01-15', '2025Q4'],
    ['2026-04-01', '2026Q1'],
  ])('on %s the last complete quarter is %s', (date, expected) => {
    expect(quarterId(lastCompleteQuarter(new Date(`${date}T00:00:00Z`)))).toBe(expected);
  });

  test.each([
    ['2025Q4', 1, '2026Q1'],
    ['2025Q1', -1, '2024Q4'],
    ['2025Q2', -8, '2023Q2'],
    ['2025Q3', 0, '2025Q3'],
  ])('%s + %i quarters = %s', (start, count, expected) => {
    const quarter = parseQuarter(start);
    expect(quarter).toBeDefined();
    if (quarter) expect(quarterId(addQuarters(quarter, count))).toBe(expected);
  });

  test.each(['2025Q5', '2025Q0', '25Q1', '2025-Q1', '2025', ''])('%s is not a quarter', (id) => {
    expect(parseQuarter(id)).toBeUndefined();
  });

  test('quarter dates, deadline 30 days after the end, leap years included', () => {
    expect(quarterDates({ year: 2024, quarter: 1 })).toEqual({
      start: '2024-01-01',
      end: '2024-03-31',
      deadline: '2024-04-30',
    });
    expect(quarterDates({ year: 2026, quarter: 4 })).toEqual({
      start: '2026-10-01',
      end: '2026-12-31',
      deadline: '2027-01-30',
    });
    expect(quarterDates({ year: 2024, quarter: 3 }).end).toBe('2024-09-30');
  });

  test('eight quarters ending with the last complete one, oldest first', () => {
    expect(quartersEndingWith({ year: 2026, quarter: 3 }, 8).map(quarterId)).toEqual([
      '2024Q4',
      '2025Q1',
      '2025Q2',
      '2025Q3',
      '2025Q4',
      '2026Q1',
      '2026Q2',
      '2026Q3',
    ]);
  });
});
