import { expect, test } from 'vitest';
import { scorecardIndicators } from './queries';

type Project = Parameters<typeof scorecardIndicators>[0][number];

function project(code: string, covered: string[], indicators: string[][]): Project {
  return {
    project: { code } as Project['project'],
    coveredUnits: covered.map((unit) => ({ code: unit }) as Project['coveredUnits'][number]),
    results: indicators.map((codes, index) => ({
      code: `R${index + 1}`,
      type: 'output',
      title: '',
      description: '',
      indicators: codes.map((indicator) => ({ code: indicator }) as Project['results'][number]['indicators'][number]),
    })),
  };
}

const indicators = [
  { code: 'MIG_SERVED', tiers: ['local'] },
  { code: 'LDP_STAGE', tiers: ['local'] },
  { code: 'REG_MD_PLAN', tiers: ['regional'] },
  { code: 'COORD_MEETINGS', tiers: ['local', 'regional', 'national'] },
] as const satisfies readonly { code: string; tiers: ('local' | 'regional' | 'national')[] }[];

test.each([
  [
    'local indicators of projects covering the municipalities, in framework order, once each',
    [
      project(
        'BICOL',
        ['PHL', 'PH-05', 'naga'],
        [
          ['LDP_STAGE', 'REG_MD_PLAN'],
          ['MIG_SERVED', 'LDP_STAGE'],
        ],
      ),
      project('OTHER', ['cebu'], [['COORD_MEETINGS']]),
    ],
    ['LDP_STAGE', 'MIG_SERVED'],
  ],
  ['a project covering none of them adds nothing', [project('OTHER', ['cebu'], [['MIG_SERVED']])], []],
  [
    'two projects, indicators merged',
    [project('A', ['naga'], [['COORD_MEETINGS']]), project('B', ['pili'], [['MIG_SERVED', 'COORD_MEETINGS']])],
    ['COORD_MEETINGS', 'MIG_SERVED'],
  ],
])('%s', (_name, projects, expected) => {
  expect(
    scorecardIndicators(
      projects,
      new Set(['naga', 'pili']),
      indicators.map((i) => ({ ...i, tiers: [...i.tiers] })),
    ),
  ).toEqual(expected);
});
