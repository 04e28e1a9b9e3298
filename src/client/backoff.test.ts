import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from './backoff.js';

const policy = { baseMs: 100, factor: 3, capMs: 2_000 };

describe('fullJitterDelay', () => {
  it('draws below a ceiling that grows by the factor per attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => fullJitterDelay(attempt, policy, () => 0.5))).toEqual([50, 150, 450, 1_000]);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    expect(fullJitterDelay(50, policy, () => 0.999_999)).toBe(1_999);
  });

  it('spans the whole range from zero (full jitter)', () => {
    expect(fullJitterDelay(3, policy, () => 0)).toBe(0);
    expect(fullJitterDelay(3, policy, () => 0.999_999)).toBe(899);
  });
});
