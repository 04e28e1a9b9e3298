import type { EventOf } from './event-schemas.js';
import type { FrameLimits } from './frame-limits.js';
import { objectMemberNames } from './schema-pieces.js';

/** What `parseServerEvent` returns for a frame it accepts. */
export interface AcceptedTextDelta {
  ok: true;
  event: EventOf<'text-delta'>;
  droppedKeys: number;
}

/**
 * A text-delta's size as the walk measures it, but for the characters of its five free strings: braces, keys with
 * their quotes and separators, the `type` and the other strings' quotes, and both numbers at their largest (24).
 */
const fixedBytes = 2 + 'idseqthreadIdturnIdtstypemessageIddelta'.length + 8 * 4 + 'text-delta'.length + 6 * 2 + 2 * 24;
/** The walk bounds keys and the `type` too; `'text-delta'` is longer than every key. */
const longestFixedString = 'text-delta'.length;

/**
 * The common case of `parseServerEvent`, in one pass: a `text-delta` made of its eight fields with plain values,
 * plus any `__proto__`, `constructor` or `prototype` keys. Returns `undefined` for anything else (another event,
 * an unknown field, a value out of contract or near a limit), and the general path decides; when it accepts, its
 * result is the one the general path would give: the same copy, in the schema's key order, and the same
 * `droppedKeys`. It reads each field once, as the walk does, and never the value of a prototype key.
 */
export function parseTextDelta(frame: unknown, limits: FrameLimits): AcceptedTextDelta | undefined {
  if (typeof frame !== 'object' || frame === null || limits.depth < 1 || limits.stringLength < longestFixedString) return undefined;
  try {
    return readTextDelta(frame, limits);
  } catch {
    // A getter or proxy threw: the general path reports it.
    return undefined;
  }
}

function readTextDelta(frame: object, limits: FrameLimits): AcceptedTextDelta | undefined {
  const prototype: unknown = Object.getPrototypeOf(frame);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  const keys = Object.keys(frame);
  if (keys.length > limits.entries) return undefined;
  const fields = frame as Record<string, unknown>;
  let type: unknown, id: unknown, seq: unknown, threadId: unknown, turnId: unknown, ts: unknown, messageId: unknown, delta: unknown;
  let droppedKeys = 0;
  for (const key of keys) {
    switch (key) {
      case 'type': type = fields[key]; break;
      case 'id': id = fields[key]; break;
      case 'seq': seq = fields[key]; break;
      case 'threadId': threadId = fields[key]; break;
      case 'turnId': turnId = fields[key]; break;
      case 'ts': ts = fields[key]; break;
      case 'messageId': messageId = fields[key]; break;
      case 'delta': delta = fields[key]; break;
      case '__proto__':
      case 'constructor':
      case 'prototype':
        droppedKeys += 1;
        break;
      default:
        return undefined;
    }
  }
  if (
    type !== 'text-delta' ||
    typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1 ||
    typeof ts !== 'number' || Number.isNaN(ts) ||
    typeof delta !== 'string' ||
    !isId(id, limits) || !isId(threadId, limits) || !isEntityId(turnId, limits) || !isEntityId(messageId, limits) ||
    fixedBytes + id.length + threadId.length + turnId.length + messageId.length + delta.length > limits.frameBytes ||
    delta.length > limits.stringLength
  ) {
    return undefined;
  }
  return { ok: true, event: { id, seq, threadId, turnId, ts, type, messageId, delta }, droppedKeys };
}

const isId = (value: unknown, limits: FrameLimits): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= limits.idLength && value.length <= limits.stringLength;

const isEntityId = (value: unknown, limits: FrameLimits): value is string => isId(value, limits) && !objectMemberNames.has(value);
