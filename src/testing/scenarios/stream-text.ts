import type { ScenarioStep } from './scenario-types.js';

/** About 60 tokens per second. */
export const TOKEN_INTERVAL_MS = 16;

const wordishToken = /\s*\S{1,8}|\s+/g;

/** Splits text into small word-ish `text-delta` steps, each with its leading whitespace. */
export function streamText(text: string, tokenIntervalMs = TOKEN_INTERVAL_MS): ScenarioStep[] {
  return (text.match(wordishToken) ?? []).map((delta) => ({ type: 'text-delta', delta, delayMs: tokenIntervalMs }));
}

/** Splits a string into `count` nearly equal fragments, e.g. tool-call argument JSON. */
export function splitIntoFragments(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / count));
  const fragments: string[] = [];
  for (let start = 0; start < text.length; start += size) fragments.push(text.slice(start, start + size));
  return fragments;
}

/** The concatenated `text-delta` content of a scenario's steps: the assistant text a client should end up showing. */
export function scenarioText(steps: readonly ScenarioStep[]): string {
  return steps.map((step) => ('type' in step && step.type === 'text-delta' ? step.delta : '')).join('');
}
