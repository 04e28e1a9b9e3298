import { EVENT_TYPES, parseServerEvent, type ServerEvent } from '../protocol';

const knownEventNames = new Set<string>(EVENT_TYPES);

export type RoutedFrame = { ok: true; event: ServerEvent } | { ok: false; reason: string };

/** Checks one incoming Socket.IO event: a known name, exactly one argument, valid per the contract, type matching the name. */
export function routeFrame(name: string, args: unknown[]): RoutedFrame {
  if (!knownEventNames.has(name)) return { ok: false, reason: `unknown event "${name}"` };
  if (args.length !== 1) return { ok: false, reason: `"${name}" carried ${args.length} arguments instead of 1` };
  const parsed = parseServerEvent(args[0]);
  if (!parsed.ok) return { ok: false, reason: `"${name}": ${parsed.reason}` };
  if (parsed.event.type !== name) return { ok: false, reason: `"${name}" carried an event of type "${parsed.event.type}"` };
  return parsed;
}
