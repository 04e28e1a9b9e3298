import { describe, expect, it } from 'vitest';
import { drawDropPoints, mulberry32 } from './seeded-random.js';

const take = (random: () => number, count: number) => Array.from({ length: count }, random);

describe('seeded random', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(take(mulberry32(7), 5)).toEqual(take(mulberry32(7), 5));
    expect(take(mulberry32(7), 5)).not.toEqual(take(mulberry32(8), 5));
    expect(take(mulberry32(7), 1000).every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('draws drop points inside [minEvents, maxEvents], reaching both ends', () => {
    const points = drawDropPoints(mulberry32(1), { count: 500, minEvents: 3, maxEvents: 6 });
    expect(new Set(points)).toEqual(new Set([3, 4, 5, 6]));
    expect(drawDropPoints(mulberry32(9), { count: 4, minEvents: 2, maxEvents: 9 })).toEqual(drawDropPoints(mulberry32(9), { count: 4, minEvents: 2, maxEvents: 9 }));
  });
});
