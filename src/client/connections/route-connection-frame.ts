import * as v from 'valibot';
import { describeIssue } from '../../protocol/describe-issue.js';
import { connectionEventSchema, CONNECTION_EVENT_TYPES } from '../../protocol/connection-events.js';
import { checkFrameLimits, type ConnectionEvent, type FrameLimits } from '../../protocol/index.js';
import type { RejectReason } from '../reject-reason.js';

const knownEventNames = new Set<string>(CONNECTION_EVENT_TYPES);

export type RoutedConnectionFrame = { ok: true; event: ConnectionEvent; droppedKeys: number } | { ok: false; reason: RejectReason; detail: string };

/** Checks one gateway frame as the chat stream's are checked: known name, one argument, limits, contract, type. */
export function routeConnectionFrame(name: string, args: unknown[], limits: FrameLimits): RoutedConnectionFrame {
  if (!knownEventNames.has(name)) return { ok: false, reason: 'unknown-event', detail: `unknown gateway event ${JSON.stringify(name.slice(0, 64))}` };
  if (args.length !== 1) return { ok: false, reason: 'bad-arity', detail: `"${name}" carried ${args.length} arguments instead of 1` };
  const checked = checkFrameLimits(args[0], limits);
  if (!checked.ok) return { ok: false, reason: checked.reason, detail: `"${name}": ${checked.detail}` };
  const parsed = v.safeParse(connectionEventSchema, checked.frame);
  if (!parsed.success) return { ok: false, reason: 'invalid', detail: `"${name}": ${describeIssue(parsed.issues)}` };
  if (parsed.output.type !== name) return { ok: false, reason: 'type-mismatch', detail: `"${name}" carried a frame of type "${parsed.output.type}"` };
  return { ok: true, event: parsed.output, droppedKeys: checked.droppedKeys };
}
