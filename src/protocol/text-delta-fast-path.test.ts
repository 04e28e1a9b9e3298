import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from './event-schemas.js';
import { defaultFrameLimits, type FrameLimits } from './frame-limits.js';
import { parseGeneral, parseServerEvent, type ParseEventResult } from './parse-event.js';
import { parseTextDelta } from './text-delta-fast-path.js';

const objectMemberNames = Object.getOwnPropertyNames(Object.prototype);
const fieldNames = ['type', 'id', 'seq', 'threadId', 'turnId', 'ts', 'messageId', 'delta'] as const;
const prototypeKeys = ['__proto__', 'constructor', 'prototype'] as const;
const { idLength, stringLength } = defaultFrameLimits;

class Point {
  x = 1;
}
const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;
const deep = (levels: number): unknown => (levels === 0 ? 'bottom' : { inner: deep(levels - 1) });

/** Strings near each limit, shared so that a run allocates them once. */
const atIdLimit = 'i'.repeat(idLength);
const overIdLimit = 'i'.repeat(idLength + 1);
const atStringLimit = 'x'.repeat(stringLength);
const overStringLimit = 'x'.repeat(stringLength + 1);

const idLike = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('', '-', 'e1-1', 'a1', atIdLimit, overIdLimit, ...objectMemberNames, ...prototypeKeys),
);
const numberLike = fc.oneof(
  fc.integer({ min: -3, max: 1e9 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.NEGATIVE_INFINITY, 0.5),
  fc.constantFrom(0, -0, 1, 1.5, 99_999_999, 100_000_000, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2),
);
const notJson = fc.constantFrom<unknown>(() => 1, Symbol('s'), 10n, new Date(0), new Map(), new Uint8Array(2), new Point(), new String('x'), new Number(1));
const anyValue = fc.oneof(
  idLike,
  numberLike,
  fc.boolean(),
  fc.constantFrom<unknown>(null, undefined, {}, [], ['a'], { toString: 'x' }, atStringLimit, overStringLimit, cyclic, deep(3), deep(70)),
  notJson,
  fc.jsonValue({ maxDepth: 2 }),
);

const validFields = fc.record({
  type: fc.constant('text-delta'),
  id: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constant(atIdLimit)),
  seq: fc.integer({ min: 1, max: 1e9 }),
  threadId: fc.string({ minLength: 1, maxLength: 12 }),
  turnId: fc.string({ minLength: 1, maxLength: 12 }).filter((id) => !objectMemberNames.includes(id)),
  ts: fc.oneof(fc.integer(), fc.double({ noNaN: true })),
  messageId: fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constant(atIdLimit)).filter((id) => !objectMemberNames.includes(id)),
  delta: fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.constant(atStringLimit)),
});

type Frame = Record<string, unknown>;
type Change = (frame: Frame) => unknown;
const define = (frame: Frame, key: string, value: unknown) =>
  Object.defineProperty(frame, key, { value, enumerable: true, configurable: true, writable: true });

/** Each way a text-delta-shaped frame can be odd or hostile; most are refused, some only change the copy. */
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.tuple(fc.constantFrom(...fieldNames), anyValue).map(([key, value]): Change => (frame) => define(frame, key, value)),
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom('id', 'threadId', 'turnId', 'messageId'), idLike).map(([key, value]): Change => (frame) => define(frame, key, value)),
  },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('seq', 'ts'), numberLike).map(([key, value]): Change => (frame) => define(frame, key, value)) },
  fc.constantFrom(...fieldNames).map((key): Change => (frame) => delete frame[key]),
  fc.constantFrom(...EVENT_TYPES).map((type): Change => (frame) => define(frame, 'type', type)),
  fc.tuple(fc.constantFrom(...prototypeKeys), anyValue).map(([key, value]): Change => (frame) => define(frame, key, value)),
  fc.tuple(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('extra', 'hasOwnProperty', 'content', overStringLimit)), anyValue).map(
    ([key, value]): Change => (frame) => define(frame, key, value),
  ),
  fc.constantFrom(...fieldNames).map((key): Change => (frame) => {
    const { value } = Object.getOwnPropertyDescriptor(frame, key) ?? {};
    Object.defineProperty(frame, key, { get: () => value, enumerable: true, configurable: true });
  }),
  fc.constantFrom(...fieldNames).map((key): Change => (frame) => {
    Object.defineProperty(frame, key, { get: () => { throw new Error('read'); }, enumerable: true, configurable: true });
  }),
  // Hides a field the frame has; on a field an earlier change deleted it would create a non-configurable one,
  // which a later change could not redefine.
  fc.constantFrom(...fieldNames).map((key): Change => (frame) => Object.hasOwn(frame, key) && Object.defineProperty(frame, key, { enumerable: false })),
  fc.constant((frame: Frame) => Object.setPrototypeOf(frame, null)),
  fc.constant((frame: Frame) => Object.setPrototypeOf(frame, Point.prototype)),
  fc.constant((frame: Frame) => Object.setPrototypeOf(frame, { messageId: 'inherited' })),
);

type LimitsFor = (frame: unknown) => FrameLimits;

/** One limit set just around what the frame measures (when it is an object), the others left at their default. */
const tightLimit = fc
  .tuple(fc.constantFrom('frameBytes', 'stringLength', 'idLength', 'entries', 'depth'), fc.integer({ min: -2, max: 2 }), fc.integer({ min: -40, max: 40 }))
  .map(([limit, offset, sizeOffset]): LimitsFor => (frame) => {
    if (typeof frame !== 'object' || frame === null) return defaultFrameLimits;
    const fields = safeValues(frame).filter((value): value is string => typeof value === 'string');
    const measured = {
      frameBytes: (safeJsonLength(frame) ?? 200) + sizeOffset,
      stringLength: Math.max(...fields.map((value) => value.length), 0) + offset,
      idLength: Math.max(...fields.map((value) => value.length).filter((length) => length <= defaultFrameLimits.idLength), 0) + offset,
      entries: Object.keys(frame).length + offset,
      depth: 1 + Math.min(offset, 0),
    };
    return { ...defaultFrameLimits, [limit]: measured[limit] };
  });

const safeValues = (frame: object) => {
  try {
    return Object.values(frame);
  } catch {
    return [];
  }
};

const safeJsonLength = (value: unknown) => {
  try {
    return JSON.stringify(value)?.length;
  } catch {
    return undefined;
  }
};

/** Default limits; limits just around the frame's own sizes; or limits small enough for any field to cross them. */
const limitsArb: fc.Arbitrary<LimitsFor> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(() => defaultFrameLimits) },
  { weight: 2, arbitrary: tightLimit },
  fc.record({
    frameBytes: fc.integer({ min: 0, max: 260 }),
    depth: fc.integer({ min: 0, max: 3 }),
    stringLength: fc.integer({ min: 0, max: 16 }),
    idLength: fc.integer({ min: 0, max: 12 }),
    payloadBytes: fc.integer({ min: 0, max: 64 }),
    entries: fc.integer({ min: 0, max: 12 }),
    historyBytes: fc.constant(defaultFrameLimits.historyBytes),
  }).map((limits): LimitsFor => () => limits),
);

/** Builds the frame with its fields in a random order, then applies the changes, or hands a non-object as is. */
const frameArb = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(validFields, fc.array(change, { maxLength: 3 }), fc.integer()).map(([fields, changes, seed]) => {
    const keys = [...fieldNames].sort((a, b) => ((a.charCodeAt(0) * seed) % 7) - ((b.charCodeAt(0) * seed) % 7));
    const frame: Frame = {};
    for (const key of keys) frame[key] = fields[key];
    for (const apply of changes) apply(frame);
    return { frame: frame as unknown, changed: changes.length > 0 };
  }) },
  fc.oneof(anyValue, fc.tuple(validFields).map((fields) => [fields] as unknown)).map((frame) => ({ frame, changed: true })),
);

const outcome = (result: ParseEventResult) => (result.ok ? 'accepted' : result.reason);

describe('the text-delta fast path', () => {
  it('accepts only what the walk and the schema accept, with the same copy and the same count of dropped keys', () => {
    const seen = new Map<string, number>();
    let fastAccepted = 0;
    let fastAcceptedWithDroppedKeys = 0;
    fc.assert(
      fc.property(frameArb, limitsArb, ({ frame, changed }, limitsFor) => {
        const limits = limitsFor(frame);
        const general = parseGeneral(frame, limits);
        const fast = parseTextDelta(frame, limits);
        seen.set(outcome(general), (seen.get(outcome(general)) ?? 0) + 1);
        if (fast) {
          fastAccepted += 1;
          if (fast.droppedKeys > 0) fastAcceptedWithDroppedKeys += 1;
          expect(fast).toStrictEqual(general);
          expect(Object.keys(fast.event)).toEqual(Object.keys((general as typeof fast).event));
          expect(fast.event).not.toBe(frame);
        } else if (!changed && limits === defaultFrameLimits) {
          // A well-formed text-delta within the default limits never needs the general path.
          expect.unreachable(`fell back for ${JSON.stringify(frame).slice(0, 200)}: ${outcome(general)}`);
        }
        expect(parseServerEvent(frame, limits)).toStrictEqual(general);
      }),
      { numRuns: 4_000 },
    );
    // The generators reach every verdict the fast path must leave to the general path, and it accepts often.
    for (const reason of ['accepted', 'invalid', 'too-large', 'too-deep', 'string-too-long', 'id-too-long', 'too-many-entries', 'cyclic', 'unsupported-value']) {
      expect(seen.get(reason), reason).toBeGreaterThan(0);
    }
    expect(fastAccepted).toBeGreaterThan(400);
    expect(fastAcceptedWithDroppedKeys).toBeGreaterThan(0);
  }, 30_000);

  it('leaves a frame to the general path when reading a field throws', () => {
    const frame = { type: 'text-delta', id: 'e1-1', seq: 1, threadId: 't', turnId: 'u', ts: 0, messageId: 'a', delta: 'x' };
    Object.defineProperty(frame, 'delta', { get: () => { throw new Error('read'); }, enumerable: true });
    expect(parseTextDelta(frame, defaultFrameLimits)).toBeUndefined();
    expect(parseServerEvent(frame)).toMatchObject({ ok: false, reason: 'unsupported-value' });
  });
});
