import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.js';
import { formatLabel } from './format-label.js';

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [850, '850 ms'],
    [12_400, '12 s'],
    [60_000, '1 min'],
    [65_000, '1 min 5 s'],
    [3_599_000, '59 min 59 s'],
    [3_600_000, '1 h'],
    [7_500_000, '2 h 5 min'],
    [-5, '0 ms'],
    [Number.NaN, '0 ms'],
  ])('%d ms is "%s"', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('formatLabel', () => {
  it('fills known placeholders and leaves unknown ones', () => {
    expect(formatLabel('v{shown} of {total}', { shown: 2, total: 3 })).toBe('v2 of 3');
    expect(formatLabel('about {eta} left {x}', { eta: '5 s' })).toBe('about 5 s left {x}');
  });
});
