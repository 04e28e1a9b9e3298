import { describe, expect, it } from 'vitest';
import { defaultFrameLimits, resolveFrameLimits } from '../../protocol/index.js';
import { routeConnectionFrame } from './route-connection-frame.js';

const envelope = (type: string, seq = 1) => ({ type, id: `k3x0abc-${seq}`, seq, ts: 1_700_000_000_000 });

const invoke = { ...envelope('tool:invoke'), invocationId: 'inv-1', threadId: 't1', toolCallId: 'call-1', name: 'read_filters', args: { fields: ['region'] } };
const cancel = { ...envelope('tool:cancel', 2), invocationId: 'inv-1', reason: 'turn-cancelled' };
const snapshot = { ...envelope('entity:updated', 3), entityType: 'workspace', entityId: 'demo', version: 7, snapshot: { openTasks: 3 } };
const patch = { ...envelope('entity:updated', 4), entityType: 'workspace', entityId: 'demo', version: 8, patch: [{ op: 'replace', path: '/openTasks', value: 2 }] };

const route = (name: string, args: unknown[], limits = defaultFrameLimits) => routeConnectionFrame(name, args, limits);
const reasonOf = (name: string, args: unknown[], limits = defaultFrameLimits) => {
  const routed = route(name, args, limits);
  return routed.ok ? 'ok' : routed.reason;
};

describe('routeConnectionFrame', () => {
  it.each([
    ['tool:invoke', invoke],
    ['tool:cancel', cancel],
    ['entity:updated', snapshot],
    ['entity:updated', patch],
  ])('passes a valid %s frame as a copy', (name, frame) => {
    const routed = route(name, [frame]);
    expect(routed).toEqual({ ok: true, event: frame, droppedKeys: 0 });
    expect(routed.ok && routed.event).not.toBe(frame);
  });

  it('passes a snapshot of null, which is a value', () => {
    expect(reasonOf('entity:updated', [{ ...snapshot, snapshot: null }])).toBe('ok');
  });

  it('counts and leaves out prototype keys inside a payload', () => {
    const frame = JSON.parse(JSON.stringify({ ...invoke, args: { safe: 1 } }).replace('"safe":1', '"safe":1,"__proto__":{"polluted":true}')) as unknown;
    const routed = route('tool:invoke', [frame]);
    expect(routed).toMatchObject({ ok: true, droppedKeys: 1, event: { args: { safe: 1 } } });
    expect(routed.ok && Object.keys(routed.event.type === 'tool:invoke' ? (routed.event.args as object) : {})).toEqual(['safe']);
  });

  it.each(['tool:invoked', 'text-delta', 'connect', '__proto__', ''])('rejects the unknown event name %j', (name) => {
    expect(reasonOf(name, [invoke])).toBe('unknown-event');
  });

  it.each([
    ['no argument', []],
    ['two arguments', [invoke, 'extra']],
  ])('rejects a frame with %s as bad-arity', (_what, args) => {
    expect(reasonOf('tool:invoke', args)).toBe('bad-arity');
  });

  it.each<[string, string, unknown]>([
    ['an entity update with both snapshot and patch', 'entity:updated', { ...patch, snapshot: {} }],
    ['an entity update with neither snapshot nor patch', 'entity:updated', { ...envelope('entity:updated'), entityType: 'workspace', entityId: 'demo', version: 1 }],
    ['a patch operation of an unknown kind', 'entity:updated', { ...patch, patch: [{ op: 'merge', path: '/a', value: 1 }] }],
    ['a patch path that is not a JSON Pointer', 'entity:updated', { ...patch, patch: [{ op: 'remove', path: 'openTasks' }] }],
    ['a move without from', 'entity:updated', { ...patch, patch: [{ op: 'move', path: '/a' }] }],
    ['a version of 0', 'entity:updated', { ...snapshot, version: 0 }],
    ['an invocation without its id', 'tool:invoke', { ...invoke, invocationId: undefined }],
    ['a cancel whose reason is not text', 'tool:cancel', { ...cancel, reason: 5 }],
    ['a seq that is not a positive integer', 'tool:cancel', { ...cancel, seq: 1.5 }],
    ['null', 'tool:invoke', null],
  ])('rejects %s as invalid', (_what, name, frame) => {
    const routed = route(name, [frame]);
    expect(routed).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!routed.ok && routed.detail).toMatch(new RegExp(`^"${name}": `));
  });

  it('rejects a valid frame sent under another event name as type-mismatch', () => {
    expect(reasonOf('tool:cancel', [invoke])).toBe('type-mismatch');
    expect(reasonOf('entity:updated', [cancel])).toBe('type-mismatch');
  });

  it('rejects a snapshot over the payload limit before validating it', () => {
    const huge = { ...snapshot, snapshot: { rows: Array.from({ length: 9 }, () => 'x'.repeat(30 * 1024)) } };
    expect(reasonOf('entity:updated', [huge])).toBe('payload-too-large');
  });

  it('rejects a patch value nested past the depth limit', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 8; level += 1) deep = { deep };
    const frame = { ...patch, patch: [{ op: 'add', path: '/deep', value: deep }] };
    expect(reasonOf('entity:updated', [frame], resolveFrameLimits({ depth: 8 }))).toBe('too-deep');
    expect(reasonOf('entity:updated', [frame])).toBe('ok');
  });

  it('rejects args that are not JSON data', () => {
    expect(reasonOf('tool:invoke', [{ ...invoke, args: { when: new Date(0) } }])).toBe('unsupported-value');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(reasonOf('tool:invoke', [{ ...invoke, args: cyclic }])).toBe('cyclic');
  });

  it('keeps the detail short for a long unknown name', () => {
    const routed = route('x'.repeat(10_000), [invoke]);
    expect(!routed.ok && routed.detail.length).toBeLessThan(120);
  });
});
