import { describe, expect, test } from 'vitest';
import { parseOptions } from '../../bench/options';
import { formatMs, renderReport } from '../../bench/report';
import { type EngineResult, isMet, type TimedCase, verdicts } from '../../bench/results';
import { summarise, summariseFrames } from '../../bench/stats';

function timed(name: string, ours: number[], baseline: number[]): TimedCase {
  const o = summarise(ours);
  const b = summarise(baseline);
  const ratio = o.median / b.median;
  return {
    name,
    ours: o,
    baseline: b,
    ratio,
    checks: [
      { budget: 'aggregateP95', value: o.p95, where: name },
      { budget: 'aggregateRatio', value: ratio, where: name },
    ],
  };
}

const result: EngineResult = {
  engine: 'sqlite',
  version: 'SQLite 3.x',
  data: {
    scale: 1,
    seed: 1,
    countries: 8,
    regions: 129,
    municipalities: 2000,
    indicators: 40,
    quarters: '2020Q4–2026Q3 (24)',
    values: 5_000_000,
    reports: 44_000,
    targets: 400_000,
    loadSeconds: 90,
  },
  sections: [
    {
      section: 'analytics',
      title: 'Analytics',
      baselineName: 'raw SQL',
      cases: [timed('fast', [10, 11, 12], [5, 5, 5]), timed('slow', [90, 100, 120], [80, 80, 80])],
    },
    {
      section: 'import',
      title: 'Import',
      baselineName: 'raw insert',
      cases: [
        {
          name: 'CSV',
          rows: 100_000,
          ours: summarise([0.5]),
          baseline: summarise([0.25]),
          oursRate: 200_000,
          baselineRate: 400_000,
          ratio: 0.5,
          checks: [
            { budget: 'importRate', value: 200_000, where: 'CSV' },
            { budget: 'importRatio', value: 0.5, where: 'CSV' },
          ],
        },
      ],
    },
  ],
};

describe('bench budgets', () => {
  test.each([
    ['aggregateP95', 50, true],
    ['aggregateP95', 50.1, false],
    ['importRate', 100_000, true],
    ['importRate', 99_999, false],
    ['importRatio', 0.49, false],
    ['loadErrors', 0, true],
    ['loadErrors', 1, false],
  ] as const)('%s at %d is met: %s', (budget, value, met) => {
    expect(isMet({ budget, value })).toBe(met);
  });

  test('a budget is judged on its worst case', () => {
    const byBudget = new Map(verdicts(result).map((verdict) => [verdict.budget, verdict]));
    expect(byBudget.get('aggregateP95')).toMatchObject({ met: false, worst: { where: 'slow' } });
    expect(byBudget.get('aggregateRatio')).toMatchObject({ met: true, worst: { where: 'fast', value: 2.2 } });
    expect(byBudget.get('importRatio')?.met).toBe(true);
    expect(byBudget.has('loadP99')).toBe(false);
  });

  test('the report states the machine, the data, and every budget met or not', () => {
    const markdown = renderReport({
      date: '2026-11-28',
      command: 'npm run bench',
      code: 'abc1234',
      machine: { cpu: 'CPU', cores: 2, memoryGb: 24, node: 'v20', os: 'Linux', loadStart: 1, loadEnd: 2 },
      engines: [result],
    });
    expect(markdown).toContain('| Analytics aggregate p95 ≤ 50 ms | **not met**: 118 ms (slow) |');
    expect(markdown).toContain('| Bulk import ≥ 0.5× raw insert rate | met: 0.50× (CSV) |');
    expect(markdown).toContain('5,000,000 values');
    expect(markdown).toContain('| CPU | CPU × 2 |');
    expect(markdown).not.toContain('Overview under load');
  });

  test('the frames section: each case beside its baseline, and the 30 fps budget', () => {
    const smooth = Array(200).fill(16.7);
    const janky = [...Array(180).fill(16.7), ...Array(20).fill(66.7)];
    const frames: EngineResult = {
      ...result,
      sections: [
        {
          section: 'frames',
          title: 'Scrolling',
          baselineName: 'one region',
          cases: [
            {
              name: 'every municipality × quarter, steady scroll',
              rows: 12_000,
              baselineRows: 100,
              speed: 2000,
              baselineSpeed: 2000,
              ours: summariseFrames(janky, 4),
              baseline: summariseFrames(smooth),
              ratio: 3,
              checks: [{ budget: 'framesP95', value: 66.7, where: 'steady scroll' }],
            },
          ],
        },
      ],
    };
    const markdown = renderReport({
      date: '2026-11-28',
      command: 'npm run bench -- --only frames',
      code: 'abc1234',
      machine: { cpu: 'CPU', cores: 2, memoryGb: 24, node: 'v20', os: 'Linux', loadStart: 1, loadEnd: 2 },
      engines: [frames],
    });
    expect(markdown).toContain(
      '| Scrolling a 10,000+ row table: p95 frame ≤ 33 ms (30 fps) | **not met**: 66.7 ms (steady scroll) |',
    );
    expect(markdown).toContain(
      '| every municipality × quarter, steady scroll | 12,000 | 2,000 | 200 | 16.7 | 66.7 | 66.7 | 10.0 % | 10.0 % | 66.7 | 4 | 3.00× | **not met** (p95 ≤ 33.4 ms) |',
    );
    expect(markdown).toContain(
      '| ↳ baseline | 100 | 2,000 | 200 | 16.7 | 16.7 | 16.7 | 0.0 % | 0.0 % | 16.7 | 0 |  |  |',
    );
  });

  test.each([
    [0.123, '0.12'],
    [12.34, '12.3'],
    [1234.5, '1,235'],
  ])('formatMs(%d) = %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});

describe('bench options', () => {
  test('SQLite only by default; PostgreSQL too when DATABASE_URL points at one', () => {
    expect(parseOptions([], {}).engines).toEqual(['sqlite']);
    expect(parseOptions([], { DATABASE_URL: 'postgres://u@h/db' }).engines).toEqual(['sqlite', 'postgres']);
    expect(parseOptions([], { DATABASE_URL: 'sqlite:./x.sqlite' }).engines).toEqual(['sqlite']);
  });

  test('a partial run prints its tables but leaves docs/benchmarks.md alone unless --out says otherwise', () => {
    expect(parseOptions([], {}).out).toBe('docs/benchmarks.md');
    expect(parseOptions(['--only', 'save,import'], {})).toMatchObject({ out: null, sections: ['save', 'import'] });
    expect(parseOptions(['--only', 'save', '--out', 'x.md'], {}).out).toBe('x.md');
  });

  test.each([
    [['--scale', '0'], /scale/],
    [['--only', 'everything'], /only/],
    [['--engines', 'postgres'], /DATABASE_URL/],
    [['--iterations', '2.5'], /iterations/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseOptions(argv, {})).toThrow(message);
  });

  test('--scroll-seconds sets the frames section’s runs; frames is a section of its own', () => {
    expect(parseOptions(['--only', 'frames', '--scroll-seconds', '2.5'], {})).toMatchObject({
      sections: ['frames'],
      scrollSeconds: 2.5,
    });
    expect(parseOptions([], {}).sections).toContain('frames');
    expect(() => parseOptions(['--scroll-seconds', '0'], {})).toThrow(/scroll-seconds/);
  });

  test('--scale takes fractions; --iterations lowers the minimum with it', () => {
    const options = parseOptions(['--scale', '0.05', '--iterations', '4'], {});
    expect(options.scale).toBe(0.05);
    expect(options.sampling).toMatchObject({ iterations: 4, minIterations: 4 });
  });
});
