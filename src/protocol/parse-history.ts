import * as v from 'valibot';
import { describeIssue } from './describe-issue.js';
import { checkFrameLimits, defaultFrameLimits, type FrameLimitReason, type FrameLimits } from './frame-limits.js';
import { historyResponseSchema } from './history-schema.js';
import type { HistoryResponse } from './view-types.js';

export type ParseHistoryResult = { ok: true; history: HistoryResponse } | { ok: false; reason: FrameLimitReason | 'invalid'; detail: string };

/** Levels a value gains inside a history: `messages[i].parts[j].toolCall.result` against a frame's `result`. */
const historyNesting = 5;

/**
 * The frame limits as they apply to a whole history. Texts, parts and messages grow there past any one frame's
 * bounds, as they are many frames folded together, so only the body size bounds them; depth, ids and
 * `args`/`result` payloads keep their per-frame limits.
 */
export function historyLimits(limits: FrameLimits): FrameLimits {
  return {
    ...limits,
    frameBytes: limits.historyBytes,
    stringLength: limits.historyBytes,
    entries: limits.historyBytes,
    depth: limits.depth + historyNesting,
    // The view derives some ids from others: a placeholder message id is built from its turn id.
    idLength: limits.idLength * 2,
  };
}

/**
 * Validates a parsed history body like a live frame: limits and prototype keys first, then the full contract.
 * Never throws.
 * @example
 * const parsed = parseHistoryResponse(JSON.parse(text));
 */
export function parseHistoryResponse(body: unknown, limits: FrameLimits = defaultFrameLimits): ParseHistoryResult {
  const checked = checkFrameLimits(body, historyLimits(limits));
  if (!checked.ok) return checked;
  const result = v.safeParse(historyResponseSchema, checked.frame);
  if (!result.success) return { ok: false, reason: 'invalid', detail: describeIssue(result.issues) };
  return { ok: true, history: result.output };
}
