// Pure statistics of the browser bench, unit tested in `stats.node.test.ts`.

export function percentile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function minMax(values: readonly number[]): { min: number; max: number } | null {
  if (values.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}

/** Intervals between consecutive frame starts. */
export function intervals(frameStarts: readonly number[]): number[] {
  const result: number[] = [];
  for (let index = 1; index < frameStarts.length; index += 1) result.push(frameStarts[index]! - frameStarts[index - 1]!);
  return result;
}

/**
 * How many events fell into each frame. `frameStarts` are the sorted rAF timestamps (every callback of a frame gets
 * the same one, taken before the frame's work); an event at `t` belongs to the last frame that started at or before
 * `t`. Events before the first frame count in a bucket of their own, at index 0 of the result.
 */
export function countPerFrame(frameStarts: readonly number[], eventTimes: readonly number[]): number[] {
  const counts = new Array<number>(frameStarts.length + 1).fill(0);
  const times = [...eventTimes].sort((a, b) => a - b);
  let frame = 0;
  for (const time of times) {
    while (frame < frameStarts.length && frameStarts[frame]! <= time) frame += 1;
    counts[frame]! += 1;
  }
  return counts;
}

export function maxPerFrame(frameStarts: readonly number[], eventTimes: readonly number[]): number {
  return eventTimes.length === 0 ? 0 : Math.max(...countPerFrame(frameStarts, eventTimes));
}

/**
 * Whitespace is left out: markdown drops a paragraph's trailing space, and the text of consecutive paragraphs
 * joins without one. Tokens end with their index and start with a letter, so a lost, repeated or moved token
 * still shows.
 */
export const normalizeText = (text: string) => text.replace(/\s+/g, '');

/** Whether every thread rendered exactly the tokens it was sent. */
export function textsMatch(rendered: readonly string[], expectedTokens: readonly (readonly string[])[]): boolean {
  if (rendered.length !== expectedTokens.length) return false;
  return expectedTokens.every((tokens, thread) => normalizeText(rendered[thread] ?? '') === normalizeText(tokens.join('')));
}

/** Median and range of one metric over repetitions; nulls (not measured) are left out. */
export function summarize(values: readonly (number | null | undefined)[]): { median: number; min: number; max: number } | null {
  const present = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  const range = minMax(present);
  const middle = median(present);
  return range && middle !== null ? { median: middle, ...range } : null;
}

/** The first or last tenth of a series (at least one value when there is any). */
export function tenth<T>(values: readonly T[], which: 'first' | 'last'): T[] {
  const size = Math.max(values.length > 0 ? 1 : 0, Math.floor(values.length / 10));
  return which === 'first' ? values.slice(0, size) : values.slice(values.length - size);
}
