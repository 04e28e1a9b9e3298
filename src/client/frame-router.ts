import { EVENT_TYPES, parseServerEvent, type FrameLimits, type ServerEvent } from '../protocol/index.js';
import type { RejectReason } from './reject-reason.js';

const knownEventNames = new Set<string>(EVENT_TYPES);
const longestNameShown = 64;

export type RoutedFrame =
  | { ok: true; event: ServerEvent; droppedKeys: number }
  | { ok: false; reason: RejectReason; detail: string };

/**
 * Checks one incoming Socket.IO event: a known name, exactly one argument, within the frame limits, valid per the
 * contract, type matching the name.
 */
export function routeFrame(name: string, args: unknown[], limits: FrameLimits): RoutedFrame {
  if (!knownEventNames.has(name)) return { ok: false, reason: 'unknown-event', detail: `unknown event ${showName(name)}` };
  if (args.length !== 1) return { ok: false, reason: 'bad-arity', detail: `"${name}" carried ${args.length} arguments instead of 1` };
  const parsed = parseServerEvent(args[0], limits);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, detail: `"${name}": ${parsed.detail}` };
  if (parsed.event.type !== name) return { ok: false, reason: 'type-mismatch', detail: `"${name}" carried an event of type "${parsed.event.type}"` };
  return parsed;
}

function showName(name: unknown): string {
  if (typeof name !== 'string') return `of type ${typeof name}`;
  return JSON.stringify(name.length > longestNameShown ? `${name.slice(0, longestNameShown)}…` : name);
}
