import * as v from 'valibot';
import { serverEventSchema, type ServerEvent } from './event-schemas';

export type ParseEventResult = { ok: true; event: ServerEvent } | { ok: false; reason: string };

/** Validates one incoming frame against the wire contract. Never throws. */
export function parseServerEvent(frame: unknown): ParseEventResult {
  const result = v.safeParse(serverEventSchema, frame);
  if (result.success) return { ok: true, event: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.');
  return { ok: false, reason: path ? `${path}: ${issue.message}` : issue.message };
}
