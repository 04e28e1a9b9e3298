import { describe, expect, it } from 'vitest';
import { countPerFrame, intervals, maxPerFrame, median, minMax, normalizeText, percentile, summarize, tenth, textsMatch } from './stats.js';
import { lastTokenIndexIn, tokenCount, tokensOf, workloads } from './workload.js';
import { cell, targets, type RunRecord } from './report.js';

describe('statistics', () => {
  it('takes the middle value, or the mean of the two middle ones, whatever the input order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('uses the nearest-rank percentile', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('finds the range and leaves out values that were not measured', () => {
    expect(minMax([3, -1, 8])).toEqual({ min: -1, max: 8 });
    expect(summarize([3, null, 1, undefined, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(summarize([null])).toBeNull();
  });

  it('takes the first and last tenth, at least one value', () => {
    const values = Array.from({ length: 25 }, (_, index) => index);
    expect(tenth(values, 'first')).toEqual([0, 1]);
    expect(tenth(values, 'last')).toEqual([23, 24]);
    expect(tenth([9], 'last')).toEqual([9]);
    expect(tenth([], 'first')).toEqual([]);
  });

  it('turns frame starts into intervals', () => {
    expect(intervals([0, 16.7, 50])).toEqual([16.7, 50 - 16.7]);
  });
});

describe('frame bucketing', () => {
  const frames = [100, 116, 133, 150];

  it('puts an event in the last frame that started at or before it', () => {
    expect(countPerFrame(frames, [100, 115.9, 116, 140, 149.9, 151])).toEqual([0, 2, 1, 2, 1]);
  });

  it('keeps events before the first frame apart', () => {
    expect(countPerFrame(frames, [50, 99])).toEqual([2, 0, 0, 0, 0]);
  });

  it('reports the busiest frame, whatever the order of the events', () => {
    expect(maxPerFrame(frames, [140, 101, 134, 102, 103])).toBe(3);
    expect(maxPerFrame(frames, [101, 117, 134, 151])).toBe(1);
    expect(maxPerFrame(frames, [])).toBe(0);
  });
});

describe('text check', () => {
  const sent = [tokensOf(0, 5), tokensOf(1, 5)];

  it('accepts the sent text, with the trailing space markdown drops', () => {
    expect(textsMatch(sent.map((tokens) => tokens.join('').trimEnd()), sent)).toBe(true);
  });

  it('fails a thread that lost, repeated or reordered a token', () => {
    const [first, second] = sent as [string[], string[]];
    expect(textsMatch([first.join(''), second.slice(0, 4).join('')], sent)).toBe(false);
    expect(textsMatch([first.join(''), [...second, second[4]!].join('')], sent)).toBe(false);
    expect(textsMatch([[first[1], first[0], ...first.slice(2)].join(''), second.join('')], sent)).toBe(false);
    expect(textsMatch([first.join('')], sent)).toBe(false);
  });

  it('ignores whitespace only', () => {
    expect(normalizeText('  a \n b  ')).toBe('ab');
    const paragraphs = tokensOf(0, 90, 40);
    expect(paragraphs[39]).toMatch(/\n\n$/);
    const rendered = paragraphs.join('').split('\n\n').map((paragraph) => paragraph.trim()).join('');
    expect(textsMatch([rendered], [paragraphs])).toBe(true);
    expect(textsMatch([rendered.replace('ipsum41', '')], [paragraphs])).toBe(false);
  });

  it('reads the last token shown from the tail of the text', () => {
    const tokens = tokensOf(3, 120);
    expect(lastTokenIndexIn(tokens.join(''))).toBe(119);
    expect(lastTokenIndexIn(tokens.slice(0, 12).join('').trimEnd())).toBe(11);
    expect(lastTokenIndexIn('')).toBe(-1);
    expect(tokenCount(workloads.W2)).toBe(5_000);
  });
});

describe('report', () => {
  const run = (variant: string, values: Partial<RunRecord>): RunRecord => ({ workload: 'W2', variant, repetition: 1, finished: true, status: 'ok', errors: [], ...values });

  it('shows the median with the range, or one value when all runs agree', () => {
    expect(cell([run('a', { commits: 3 }), run('a', { commits: 1 }), run('a', { commits: 2 })], 'commits', 0)).toBe('2 (1–3)');
    expect(cell([run('a', { commits: 4 }), run('a', { commits: 4 })], 'commits', 0)).toBe('4');
    expect(cell([run('a', {})], 'commits', 0)).toBe('–');
  });

  it('judges the per-frame targets on the worst run and the ratios against the baselines', () => {
    const verdicts = targets('W2', [
      run('kit-styled-batched', { maxCommitsPerFrame: 1, maxStoreUpdatesPerFrame: 1, commits: 300, arrivalToCommitP95Ms: 20 }),
      run('kit-styled-batched', { maxCommitsPerFrame: 2, maxStoreUpdatesPerFrame: 1, commits: 300, arrivalToCommitP95Ms: 20 }),
      run('zustand-per-token', { commits: 50_000 }),
      run('ai-sdk-usechat', { arrivalToCommitP95Ms: 90 }),
    ]);
    const verdict = (target: string) => verdicts.find((entry) => entry.target === target)?.met;
    expect(verdict('kit-styled-batched: at most 1 React commit per frame (worst run)')).toBe(false);
    expect(verdict('kit-styled-batched: at most 1 store update per frame (worst run)')).toBe(true);
    expect(verdict('kit-styled-batched: commits ≤ 1/100 of zustand-per-token')).toBe(true);
    expect(verdict('kit-styled-batched: arrival→commit p95 ≤ 1/5 of useChat')).toBe(false);
    expect(verdict('kit-headless: at most 1 React commit per frame (worst run)')).toBeNull();
  });
});
