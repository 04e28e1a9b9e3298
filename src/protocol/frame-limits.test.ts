import { describe, expect, it } from 'vitest';
import { checkFrameLimits, defaultFrameLimits, resolveFrameLimits, type FrameLimits } from './frame-limits.js';

const limits: FrameLimits = { ...defaultFrameLimits, frameBytes: 1_000, depth: 4, stringLength: 100, idLength: 10, payloadBytes: 200, entries: 20 };
const nested = (levels: number): unknown => (levels === 0 ? 'leaf' : { child: nested(levels - 1) });

describe('checkFrameLimits', () => {
  it('returns an equal plain copy of a frame within the limits', () => {
    const frame = { type: 'x', list: [1, 'two', null, true, { id: 'short' }], nested: nested(2) };
    const verdict = checkFrameLimits(frame, limits);
    expect(verdict).toEqual({ ok: true, frame, droppedKeys: 0 });
    expect(verdict.ok && verdict.frame).not.toBe(frame);
  });

  it.each([
    ['a frame over the size budget', { a: 'x'.repeat(90), b: 'x'.repeat(90), c: Array.from({ length: 15 }, () => 'y'.repeat(90)) }, 'too-large', 'c.'],
    ['nesting past the depth', nested(5), 'too-deep', 'child.child.child.child'],
    ['a long string', { text: 'x'.repeat(101) }, 'string-too-long', 'text'],
    ['a long key', { ['k'.repeat(101)]: 1 }, 'string-too-long', 'k'],
    ['a long id', { toolCallId: 'x'.repeat(11) }, 'id-too-long', 'toolCallId'],
    ['a long nested id', { userMessage: { id: 'x'.repeat(11) } }, 'id-too-long', 'userMessage.id'],
    ['a large result', { result: { a: 'x'.repeat(90), b: 'x'.repeat(90), c: 'x'.repeat(90) } }, 'payload-too-large', 'result'],
    ['too many keys', Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`k${index}`, index])), 'too-many-entries', '(frame)'],
    ['too many items', { list: Array.from({ length: 21 }, () => 0) }, 'too-many-entries', 'list'],
    ['a function', { run: () => 1 }, 'unsupported-value', 'run'],
    ['a bigint', { n: 1n }, 'unsupported-value', 'n'],
    ['a class instance', { when: new Date(0) }, 'unsupported-value', 'when'],
    ['binary data', { data: new Uint8Array(4) }, 'unsupported-value', 'data'],
  ])('rejects %s, naming where', (_name, frame, reason, where) => {
    const verdict = checkFrameLimits(frame, limits);
    expect(verdict).toMatchObject({ ok: false, reason });
    expect(!verdict.ok && verdict.detail.startsWith(where)).toBe(true);
  });

  it('lets long ids through inside args and result, where keys are the tool’s own', () => {
    expect(checkFrameLimits({ args: { id: 'x'.repeat(50) }, result: { userId: 'y'.repeat(50) } }, limits).ok).toBe(true);
  });

  it('stops on a cyclic value', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    expect(checkFrameLimits(cyclic, limits)).toMatchObject({ ok: false, reason: 'cyclic', detail: 'self.back: the value contains itself' });
  });

  it('stops early on a value shared so often that walking it all would never end', () => {
    let shared: unknown = 'x';
    for (let level = 0; level < 40; level += 1) shared = [shared, shared, shared];
    expect(checkFrameLimits({ shared }, { ...limits, depth: 64, entries: 10 })).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('leaves prototype keys out, wherever they are, and counts them', () => {
    const frame = JSON.parse('{"a":{"__proto__":{"polluted":true},"b":[{"constructor":{"prototype":1}}]},"prototype":2}');
    const verdict = checkFrameLimits(frame, limits);
    expect(verdict).toEqual({ ok: true, frame: { a: { b: [{}] } }, droppedKeys: 3 });
    const copy = verdict.ok ? (verdict.frame as { a: object }) : null;
    expect(Object.getPrototypeOf(copy?.a)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('leaves undefined values out, as JSON would', () => {
    expect(checkFrameLimits({ a: undefined, b: 1 }, limits)).toEqual({ ok: true, frame: { b: 1 }, droppedKeys: 0 });
  });

  it('passes primitives and null-prototype objects through', () => {
    expect(checkFrameLimits('text', limits)).toEqual({ ok: true, frame: 'text', droppedKeys: 0 });
    expect(checkFrameLimits(Object.assign(Object.create(null), { a: 1 }), limits)).toEqual({ ok: true, frame: { a: 1 }, droppedKeys: 0 });
  });

  it('never throws, even when reading the frame does', () => {
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    const getter = Object.defineProperty({}, 'boom', { enumerable: true, get: () => { throw new Error('getter'); } });
    expect(checkFrameLimits(trap, limits)).toMatchObject({ ok: false, reason: 'unsupported-value' });
    expect(checkFrameLimits(getter, limits)).toMatchObject({ ok: false, reason: 'unsupported-value', detail: 'boom: reading the value threw' });
  });
});

describe('resolveFrameLimits', () => {
  it('keeps the defaults for limits not given or given as undefined', () => {
    expect(resolveFrameLimits({ depth: 8, entries: undefined })).toEqual({ ...defaultFrameLimits, depth: 8 });
    expect(resolveFrameLimits()).toEqual(defaultFrameLimits);
  });
});
