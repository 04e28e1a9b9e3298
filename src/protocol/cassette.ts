import * as v from 'valibot';
import { describeIssue } from './describe-issue.js';

export const CASSETTE_VERSION = 1;

/** One frame as the client received it: `event` is the raw payload, before any check. */
export interface CassetteFrame {
  /** Milliseconds since the recording started. */
  at: number;
  event: unknown;
  /** The Socket.IO event name, kept only when it is not the payload's `type`. */
  name?: string;
}

/** One command the client sent, with what came of it. */
export interface CassetteCommand {
  at: number;
  name: string;
  request: unknown;
  /** When the answer (or the failure) came, in the same clock as `at`. */
  settledAt?: number;
  reply?: unknown;
  error?: { code: string; message: string };
}

/** A recorded session: every frame received and every command sent by one client, with timings. */
export interface Cassette {
  version: typeof CASSETTE_VERSION;
  /** ISO time the recording started. */
  recordedAt: string;
  agentId: string;
  /** The threads that received frames, in order of their first frame. */
  threads: string[];
  frames: CassetteFrame[];
  commands: CassetteCommand[];
  /** Set when the recording hit its frame limit and stopped taking frames. */
  truncated?: boolean;
}

const at = v.pipe(v.number(), v.minValue(0));
const cassetteSchema = v.object({
  version: v.literal(CASSETTE_VERSION),
  recordedAt: v.string(),
  agentId: v.string(),
  threads: v.array(v.string()),
  frames: v.array(v.object({ at, event: v.unknown(), name: v.optional(v.string()) })),
  commands: v.array(
    v.object({
      at,
      name: v.string(),
      request: v.unknown(),
      settledAt: v.optional(at),
      reply: v.optional(v.unknown()),
      error: v.optional(v.object({ code: v.string(), message: v.string() })),
    }),
  ),
  truncated: v.optional(v.boolean()),
});

export type ParseCassetteResult = { ok: true; cassette: Cassette } | { ok: false; reason: string };

/** Checks a cassette's parsed JSON; frames are kept as recorded, whatever they hold. */
export function parseCassette(json: unknown): ParseCassetteResult {
  if (typeof json === 'object' && json !== null && 'version' in json && json.version !== CASSETTE_VERSION) {
    return { ok: false, reason: `cassette version ${JSON.stringify(json.version)} is not supported (this kit reads version ${CASSETTE_VERSION})` };
  }
  const parsed = v.safeParse(cassetteSchema, json);
  if (!parsed.success) return { ok: false, reason: `not a cassette: ${describeIssue(parsed.issues)}` };
  return { ok: true, cassette: parsed.output as Cassette };
}

/** Whether parsed JSON looks like a cassette (an object with `frames`), as opposed to a scenario's array of steps. */
export function looksLikeCassette(json: unknown): boolean {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'frames' in json;
}
