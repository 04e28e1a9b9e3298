/** Bounds on what one incoming frame (or one history response) may contain, checked before schema validation. */
export interface FrameLimits {
  /**
   * Largest frame, estimated as the length of its JSON text: a string counts its characters and quotes, not its
   * escapes; a number counts 8 (an integer of up to 8 digits) or 24. @default 1048576 (1 MiB)
   */
  frameBytes: number;
  /** Deepest nesting of objects and arrays; the frame itself is level 1. @default 64 */
  depth: number;
  /** Longest string value or object key. @default 262144 (256 KiB) */
  stringLength: number;
  /** Longest id: a string under a key named `id` or ending in `Id`, outside `args` and `result`. @default 1024 */
  idLength: number;
  /**
   * Largest `args` (of `approval-pending` and `tool:invoke`), `result` (of `tool-call-result`), or `snapshot` or `patch`
   * (of `entity:updated`), measured like `frameBytes`. @default 262144
   */
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
/** Free-form values a model, tool or app produced: bounded as a whole, and their keys are not ids. */
const payloadKeys = new Set(['args', 'result', 'snapshot', 'patch']);
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
  const walk = new FrameWalk(limits);
  try {
    return { ok: true, frame: walk.copyValue(frame, 0, false, false), droppedKeys: walk.droppedKeys };
  } catch (error) {
    if (error instanceof LimitExceeded) return { ok: false, reason: error.reason, detail: error.detail };
    // A getter or proxy in a frame built in-process threw; JSON data never does.
    return { ok: false, reason: 'unsupported-value', detail: `${walk.where()}: reading the value threw` };
  }
}

/** Numbers are counted, not converted to text: 8 for an integer of up to 8 digits, else the longest (`-1.2345678901234567e-308`). */
const numberBytes = (value: number) => (Number.isInteger(value) && value > -1e8 && value < 1e8 ? 8 : 24);

/**
 * One walk's state. Methods live on the prototype, so a frame costs no closures; every token passes through here.
 * The containers above the current value are kept in `ancestors` (a stack, short for real frames) to tell a cycle
 * apart from deep nesting.
 */
class FrameWalk {
  size = 0;
  droppedKeys = 0;
  private readonly path: (string | number)[] = [];
  private readonly ancestors: object[] = [];

  constructor(private readonly limits: FrameLimits) {}

  where(): string {
    return this.path.length > 0 ? this.path.join('.') : '(frame)';
  }

  private fail(reason: FrameLimitReason, detail: string): LimitExceeded {
    return new LimitExceeded(reason, `${this.where()}: ${detail}`);
  }

  private grow(amount: number): void {
    this.size += amount;
    if (this.size > this.limits.frameBytes) throw this.fail('too-large', `the frame is over ${this.limits.frameBytes} bytes`);
  }

  private checkString(text: string, isId: boolean): void {
    const { idLength, stringLength } = this.limits;
    if (isId && text.length > idLength) throw this.fail('id-too-long', `an id of ${text.length} characters is over ${idLength}`);
    if (text.length > stringLength) throw this.fail('string-too-long', `a string of ${text.length} characters is over ${stringLength}`);
    this.grow(text.length + 2);
  }

  copyValue(value: unknown, depth: number, isId: boolean, inPayload: boolean): unknown {
    switch (typeof value) {
      case 'string':
        this.checkString(value, isId);
        return value;
      case 'number':
        this.grow(numberBytes(value));
        return value;
      case 'boolean':
        this.grow(5);
        return value;
      case 'undefined':
        return value;
      case 'object':
        if (value === null) {
          this.grow(4);
          return value;
        }
        return this.copyContainer(value, depth + 1, inPayload);
      default:
        throw this.fail('unsupported-value', `a ${typeof value} is not JSON data`);
    }
  }

  private copyContainer(value: object, depth: number, inPayload: boolean): unknown {
    if (this.ancestors.includes(value)) throw this.fail('cyclic', 'the value contains itself');
    if (depth > this.limits.depth) throw this.fail('too-deep', `nesting is deeper than ${this.limits.depth} levels`);
    this.ancestors.push(value);
    const copy = Array.isArray(value) ? this.copyArray(value, depth, inPayload) : this.copyObject(value, depth, inPayload);
    this.ancestors.pop();
    return copy;
  }

  private copyArray(items: unknown[], depth: number, inPayload: boolean): unknown[] {
    const { entries } = this.limits;
    if (items.length > entries) throw this.fail('too-many-entries', `${items.length} items are over ${entries}`);
    this.grow(2 + Math.max(0, items.length - 1));
    const copy: unknown[] = [];
    for (let index = 0; index < items.length; index += 1) {
      this.path.push(index);
      copy.push(this.copyValue(items[index], depth, false, inPayload));
      this.path.pop();
    }
    return copy;
  }

  private copyObject(value: object, depth: number, inPayload: boolean): Record<string, unknown> {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) throw this.fail('unsupported-value', 'an object that is not plain data');
    const keys = Object.keys(value);
    const { entries, payloadBytes } = this.limits;
    if (keys.length > entries) throw this.fail('too-many-entries', `${keys.length} keys are over ${entries}`);
    this.grow(2);
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      if (prototypeKeys.has(key)) {
        this.droppedKeys += 1;
        continue;
      }
      this.path.push(key);
      this.checkString(key, false);
      this.grow(2);
      const isPayload = !inPayload && payloadKeys.has(key);
      const sizeBefore = this.size;
      const entry = this.copyValue((value as Record<string, unknown>)[key], depth, !inPayload && isIdKey(key), inPayload || isPayload);
      if (isPayload && this.size - sizeBefore > payloadBytes) throw this.fail('payload-too-large', `the value is over ${payloadBytes} bytes`);
      this.path.pop();
      if (entry !== undefined) copy[key] = entry;
    }
    return copy;
  }
}
