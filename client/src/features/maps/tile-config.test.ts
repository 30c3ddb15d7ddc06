import { expect, test } from 'vitest';
import { readTileConfig } from './tile-config';

test.each([
  [{}, null],
  [{ VITE_TILE_URL: '' }, null],
  [{ VITE_TILE_URL: 'javascript:alert(1)//{z}/{x}/{y}' }, null],
  [{ VITE_TILE_URL: 'https://tiles.example.org/{z}/{x}.png' }, null],
  [
    {
      VITE_TILE_URL: ' https://tiles.example.org/{z}/{x}/{y}.png ',
      VITE_TILE_ATTRIBUTION: '© OpenStreetMap contributors',
    },
    { url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' },
  ],
  [
    { VITE_TILE_URL: 'http://localhost:8080/{z}/{x}/{y}.png' },
    { url: 'http://localhost:8080/{z}/{x}/{y}.png', attribution: '' },
  ],
])('%j → %j', (env, expected) => {
  expect(readTileConfig(env)).toEqual(expected);
});
