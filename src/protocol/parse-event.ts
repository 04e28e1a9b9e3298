import * as v from 'valibot';
import { serverEventSchema, type ServerEvent } from './event-schemas.js';
import { checkFrameLimits, defaultFrameLimits, type FrameLimitReason, type FrameLimits } from './frame-limits.js';
import { describeIssue } from './describe-issue.js';
import { parseTextDelta } from './text-delta-fast-path.js';

export type ParseEventResult =
  /** `droppedKeys` counts the `__proto__`, `constructor` and `prototype` keys left out of the event. */
  | { ok: true; event: ServerEvent; droppedKeys: number }
  | { ok: false; reason: FrameLimitReason | 'invalid'; detail: string };

/**
 * Validates one incoming frame: first its size, depth and shape as plain data (`checkFrameLimits`), then the wire
 * contract. The event returned is a fresh copy; unknown fields are left out. Never throws.
 * @example
 * const parsed = parseServerEvent(JSON.parse(text));
 * if (parsed.ok) apply(parsed.event);
 */
export function parseServerEvent(frame: unknown, limits: FrameLimits = defaultFrameLimits): ParseEventResult {
  return parseTextDelta(frame, limits) ?? parseGeneral(frame, limits);
}

/** The walk, then the schema: what decides every frame the text-delta fast path does not accept. */
export function parseGeneral(frame: unknown, limits: FrameLimits): ParseEventResult {
  const checked = checkFrameLimits(frame, limits);
  if (!checked.ok) return checked;
  const result = v.safeParse(serverEventSchema, checked.frame);
  if (result.success) return { ok: true, event: result.output, droppedKeys: checked.droppedKeys };
  return { ok: false, reason: 'invalid', detail: describeIssue(result.issues) };
}
