/** Bounds on what one incoming frame (or one history response) may contain, checked before schema validation. */
export interface FrameLimits {
  /**
   * Largest frame, estimated as the length of its JSON text: a string counts its characters and quotes, not its
   * escapes. @default 1048576 (1 MiB)
   */
  frameBytes: number;
  /** Deepest nesting of objects and arrays; the frame itself is level 1. @default 64 */
  depth: number;
  /** Longest string value or object key. @default 262144 (256 KiB) */
  stringLength: number;
  /** Longest id: a string under a key named `id` or ending in `Id`, outside `args` and `result`. @default 1024 */
  idLength: number;
  /** Largest `args` (of `approval-pending`) or `result` (of `tool-call-result`), measured like `frameBytes`. @default 262144 */
  payloadBytes: number;
  /** Most keys in one object or items in one array. @default 10000 */
  entries: number;
  /** Largest history response body, in bytes. @default 16777216 (16 MiB) */
  historyBytes: number;
}

export const defaultFrameLimits: Readonly<FrameLimits> = {
  frameBytes: 1024 * 1024,
  depth: 64,
  stringLength: 256 * 1024,
  idLength: 1024,
  payloadBytes: 256 * 1024,
  entries: 10_000,
  historyBytes: 16 * 1024 * 1024,
};

/** The defaults, with each limit given in `overrides` (and not `undefined`) in its place. */
export function resolveFrameLimits(overrides: Partial<FrameLimits> = {}): FrameLimits {
  const given = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...defaultFrameLimits, ...Object.fromEntries(given) };
}

export const FRAME_LIMIT_REASONS = [
  'too-large',
  'too-deep',
  'string-too-long',
  'id-too-long',
  'payload-too-large',
  'too-many-entries',
  'cyclic',
  'unsupported-value',
] as const;

export type FrameLimitReason = (typeof FRAME_LIMIT_REASONS)[number];

export type FrameLimitsVerdict =
  /** `frame` is a fresh copy made only of plain objects, arrays and primitives; `droppedKeys` counts the prototype keys left out. */
  | { ok: true; frame: unknown; droppedKeys: number }
  | { ok: false; reason: FrameLimitReason; detail: string };

/** Keys that could reach a prototype when the data is merged or assigned somewhere later. */
const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);
/** Free-form values a model or tool produced: bounded as a whole, and their keys are not ids. */
const payloadKeys = new Set(['args', 'result']);
const isIdKey = (key: string) => key === 'id' || key.endsWith('Id');

class LimitExceeded {
  constructor(
    readonly reason: FrameLimitReason,
    readonly detail: string,
  ) {}
}

/**
 * Walks an untrusted frame once, within the limits, and returns a plain-data copy of it. The walk stops as soon as
 * a limit is crossed, so a huge, deep or cyclic value costs at most about `frameBytes` steps. Never throws.
 *
 * Keys named `__proto__`, `constructor` or `prototype` are left out of the copy instead of rejecting the frame: no
 * event field has those names, and a tool result may legitimately mention them. `undefined` object values are left
 * out as JSON would. Anything that is not JSON data (functions, symbols, bigints, class instances, binary) rejects
 * the frame as `unsupported-value`.
 * @example
 * const verdict = checkFrameLimits(frame, defaultFrameLimits);
 * if (!verdict.ok) console.warn(verdict.reason, verdict.detail);
 */
export function checkFrameLimits(frame: unknown, limits: FrameLimits): FrameLimitsVerdict {
  const path: (string | number)[] = [];
  const ancestors = new Set<object>();
  let size = 0;
  let droppedKeys = 0;
  const where = () => (path.length > 0 ? path.join('.') : '(frame)');
  const fail = (reason: FrameLimitReason, detail: string) => new LimitExceeded(reason, `${where()}: ${detail}`);

  const grow = (amount: number) => {
    size += amount;
    if (size > limits.frameBytes) throw fail('too-large', `the frame is over ${limits.frameBytes} bytes`);
  };

  const checkString = (text: string, isId: boolean) => {
    if (isId && text.length > limits.idLength) throw fail('id-too-long', `an id of ${text.length} characters is over ${limits.idLength}`);
    if (text.length > limits.stringLength) throw fail('string-too-long', `a string of ${text.length} characters is over ${limits.stringLength}`);
    grow(text.length + 2);
  };

  const copyValue = (value: unknown, depth: number, isId: boolean, inPayload: boolean): unknown => {
    switch (typeof value) {
      case 'string':
        checkString(value, isId);
        return value;
      case 'number':
        grow(String(value).length);
        return value;
      case 'boolean':
        grow(value ? 4 : 5);
        return value;
      case 'undefined':
        return value;
      case 'object':
        if (value === null) {
          grow(4);
          return value;
        }
        return copyContainer(value, depth + 1, inPayload);
      default:
        throw fail('unsupported-value', `a ${typeof value} is not JSON data`);
    }
  };

  const copyContainer = (value: object, depth: number, inPayload: boolean): unknown => {
    if (ancestors.has(value)) throw fail('cyclic', 'the value contains itself');
    if (depth > limits.depth) throw fail('too-deep', `nesting is deeper than ${limits.depth} levels`);
    ancestors.add(value);
    const copy = Array.isArray(value) ? copyArray(value, depth, inPayload) : copyObject(value, depth, inPayload);
    ancestors.delete(value);
    return copy;
  };

  const copyArray = (items: unknown[], depth: number, inPayload: boolean): unknown[] => {
    if (items.length > limits.entries) throw fail('too-many-entries', `${items.length} items are over ${limits.entries}`);
    grow(2 + Math.max(0, items.length - 1));
    const copy: unknown[] = [];
    for (let index = 0; index < items.length; index += 1) {
      path.push(index);
      copy.push(copyValue(items[index], depth, false, inPayload));
      path.pop();
    }
    return copy;
  };

  const copyObject = (value: object, depth: number, inPayload: boolean): Record<string, unknown> => {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) throw fail('unsupported-value', 'an object that is not plain data');
    const keys = Object.keys(value);
    if (keys.length > limits.entries) throw fail('too-many-entries', `${keys.length} keys are over ${limits.entries}`);
    grow(2);
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      if (prototypeKeys.has(key)) {
        droppedKeys += 1;
        continue;
      }
      path.push(key);
      checkString(key, false);
      grow(2);
      const isPayload = !inPayload && payloadKeys.has(key);
      const sizeBefore = size;
      const entry = copyValue((value as Record<string, unknown>)[key], depth, !inPayload && isIdKey(key), inPayload || isPayload);
      if (isPayload && size - sizeBefore > limits.payloadBytes) throw fail('payload-too-large', `the value is over ${limits.payloadBytes} bytes`);
      path.pop();
      if (entry !== undefined) copy[key] = entry;
    }
    return copy;
  };

  try {
    return { ok: true, frame: copyValue(frame, 0, false, false), droppedKeys };
  } catch (error) {
    if (error instanceof LimitExceeded) return { ok: false, reason: error.reason, detail: error.detail };
    // A getter or proxy in a frame built in-process threw; JSON data never does.
    return { ok: false, reason: 'unsupported-value', detail: `${where()}: reading the value threw` };
  }
}
