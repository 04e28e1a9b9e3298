import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultFrameLimits, EVENT_TYPES, eventSchemas, type ServerEvent } from '../protocol/index.js';
import { createFakeSocket } from '../../test/support/fake-socket.js';
import { randomEventSequence } from '../../test/support/random-events.js';
import { createPlatosClient } from './create-platos-client.js';
import { REJECT_REASONS, type RejectReason } from './reject-reason.js';

const RUNS = 200;
const NEIGHBOURS_PER_RUN = 20;
const limits = defaultFrameLimits;

/** Shared, so huge frames cost one allocation for the whole run: the walk reads lengths, never copies them. */
const justUnderStringLimit = 'x'.repeat(limits.stringLength - 10);
const overStringLimit = 'x'.repeat(limits.stringLength + 1);
const overIdLimit = 'i'.repeat(limits.idLength + 1);
const tooManyItems = Array.from({ length: limits.entries + 1 }, () => 0);

type Frame = { name: string; args: unknown[] };
type HostileFrame = Frame & { kind: string; expected: RejectReason };

const envelopeKeys = ['type', 'id', 'seq', 'threadId', 'turnId', 'ts'] as const;
const objectMemberNames = Object.getOwnPropertyNames(Object.prototype);
const notJson = [() => 1, Symbol('s'), 10n, new Date(0), new Map(), new Uint8Array(2), new (class Point {})()];

const wrongTypeFor: Record<(typeof envelopeKeys)[number], fc.Arbitrary<unknown>> = {
  type: fc.oneof(fc.constantFrom('thinking', 'TEXT-DELTA', '', '__proto__'), fc.integer(), fc.constant(null)),
  id: fc.oneof(fc.constant(''), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })),
  seq: fc.oneof(fc.constantFrom(0, -1, 1.5, Number.NaN), fc.string(), fc.constant(null)),
  threadId: fc.oneof(fc.constant(''), fc.integer(), fc.constant(null), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 })),
  turnId: fc.oneof(fc.constant(''), fc.constantFrom(...objectMemberNames), fc.integer(), fc.constant(null)),
  ts: fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.constant({})),
};

type BuildHostile = (template: ServerEvent) => HostileFrame;
const hostile =
  (kind: string, expected: RejectReason, frame: (template: ServerEvent) => Frame): BuildHostile =>
  (template) => ({ kind, expected, ...frame(template) });

/** A hostile frame derived from one of the run's valid events, with the reason it must be dropped for. */
const hostileFrame: fc.Arbitrary<BuildHostile> = fc.oneof(
  fc
    .oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'Text-Delta', 'text-delta ', 'connect', ''))
    .filter((name) => !(EVENT_TYPES as string[]).includes(name) && name !== 'batch')
    .map((name) => hostile('wrong name', 'unknown-event', (template) => ({ name, args: [template] }))),
  fc
    .oneof(fc.constant([] as unknown[]), fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 3 }))
    .map((extra) =>
      hostile('extra or missing args', 'bad-arity', (template) => ({ name: template.type, args: extra.length === 0 ? [] : [template, ...extra] })),
    ),
  fc.constantFrom(...EVENT_TYPES).map((other) =>
    hostile('name of another type', 'type-mismatch', (template) => ({
      name: other === template.type ? (EVENT_TYPES.find((type) => type !== other) ?? other) : other,
      args: [template],
    })),
  ),
  fc.tuple(fc.constantFrom(...envelopeKeys), fc.boolean()).map(([key, withPrototypeKeys]) =>
    hostile('field deleted', 'invalid', (template) => {
      const frame = copyOf(template, withPrototypeKeys);
      delete frame[key];
      return { name: template.type, args: [frame] };
    }),
  ),
  fc
    .constantFrom(...envelopeKeys)
    .chain((key) => fc.tuple(fc.constant(key), wrongTypeFor[key]))
    .map(([key, value]) => hostile('field retyped', 'invalid', (template) => ({ name: template.type, args: [{ ...template, [key]: value }] }))),
  fc.constant(
    hostile('payload field nulled', 'invalid', (template) => ({
      name: template.type,
      args: [{ ...template, [requiredPayloadKeys(template.type)[0] ?? 'type']: null }],
    })),
  ),
  fc
    .integer({ min: limits.depth + 1, max: limits.depth * 3 })
    .map((depth) => hostile('deep nesting', 'too-deep', (template) => ({ name: template.type, args: [{ ...template, extra: nested(depth) }] }))),
  fc.constant(hostile('huge string', 'string-too-long', (template) => ({ name: template.type, args: [{ ...template, extra: overStringLimit }] }))),
  fc.integer({ min: 5, max: 8 }).map((count) =>
    hostile('huge frame', 'too-large', (template) => ({
      name: template.type,
      args: [{ ...template, extra: Array.from({ length: count }, () => justUnderStringLimit) }],
    })),
  ),
  fc.constant(hostile('long id', 'id-too-long', (template) => ({ name: template.type, args: [{ ...template, turnId: overIdLimit }] }))),
  fc.constantFrom('tool-call-result' as const, 'approval-pending' as const).map((type) =>
    hostile('huge args or result', 'payload-too-large', (template) => {
      const payload = { a: justUnderStringLimit, b: justUnderStringLimit };
      const fields = type === 'tool-call-result' ? { toolCallId: 'x1', result: payload } : { approvalId: 'x1', tool: 'rm', args: payload };
      return { name: type, args: [{ ...template, type, ...fields }] };
    }),
  ),
  fc.constant(hostile('too many items', 'too-many-entries', (template) => ({ name: template.type, args: [{ ...template, extra: tooManyItems }] }))),
  fc.constant(
    hostile('cyclic', 'cyclic', (template) => {
      const cyclic: Record<string, unknown> = { ...template };
      cyclic.extra = { back: cyclic };
      return { name: template.type, args: [cyclic] };
    }),
  ),
  fc.tuple(fc.constantFrom(...notJson), fc.boolean()).map(([value, asWholeFrame]) =>
    hostile('not JSON data', 'unsupported-value', (template) => ({ name: template.type, args: [asWholeFrame ? value : { ...template, extra: value }] })),
  ),
  fc
    .oneof(
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constantFrom(null, undefined),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
      fc.jsonValue({ maxDepth: 3 }),
    )
    .map((value) => hostile('not an event', 'invalid', (template) => ({ name: template.type, args: [value] }))),
  fc
    .tuple(fc.constantFrom('turnId', 'messageId', 'toolCallId', 'approvalId', 'runId', 'stepId', 'artifactId'), fc.constantFrom(...objectMemberNames))
    .map(([key, id]) =>
      hostile('reserved id', 'invalid', (template) => ({ name: template.type, args: [{ ...template, [key in template ? key : 'turnId']: id }] })),
    ),
);

function requiredPayloadKeys(type: ServerEvent['type']): string[] {
  const entries = eventSchemas[type].entries as Record<string, { type: string }>;
  return Object.keys(entries).filter((key) => !(envelopeKeys as readonly string[]).includes(key) && entries[key]!.type !== 'optional' && entries[key]!.type !== 'unknown');
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { inner: value };
  return value;
}

/** A deep copy of an event, optionally with `__proto__`, `constructor` and `prototype` keys in every object, as JSON.parse would leave them. */
function copyOf(value: ServerEvent, withPrototypeKeys: boolean): Record<string, unknown> {
  const copy = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(copy);
    if (item === null || typeof item !== 'object') return item;
    const result: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(item)) result[key] = copy(entry);
    if (withPrototypeKeys) {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        Object.defineProperty(result, key, { value: { polluted: true, prototype: { polluted: true } }, enumerable: true, configurable: true, writable: true });
      }
    }
    return result;
  };
  return copy(value) as Record<string, unknown>;
}

const runShape = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  hostiles: fc.array(fc.tuple(hostileFrame, fc.nat({ max: NEIGHBOURS_PER_RUN }), fc.nat({ max: NEIGHBOURS_PER_RUN - 1 })), { minLength: 50, maxLength: 70 }),
  sanitizedNeighbours: fc.array(fc.boolean(), { minLength: NEIGHBOURS_PER_RUN, maxLength: NEIGHBOURS_PER_RUN }),
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the frame boundary under random and hostile frames', () => {
  it('drops and counts every hostile frame by reason, and still applies every valid neighbour in order', async () => {
    const sentByKind = new Map<string, number>();
    let neighboursSent = 0;
    await fc.assert(
      fc.asyncProperty(runShape, async ({ seed, hostiles, sanitizedNeighbours }) => {
        const fake = createFakeSocket();
        fake.respond = () => ({ ok: true, resumed: false, lastEventId: null });
        const rejections: RejectReason[] = [];
        const client = createPlatosClient({
          url: 'http://127.0.0.1:4000',
          token: 't',
          socketFactory: fake.factory,
          liveness: false,
          network: null,
          onMalformedFrame: (_frame, _reason, rejection) => rejections.push(rejection),
        });
        const delivered: ServerEvent[] = [];
        client.threads.watch('thread-1', (update) => update.kind === 'event' && delivered.push(update.event));
        fake.serverConnect();
        await flush();

        const neighbours = randomEventSequence(seed, NEIGHBOURS_PER_RUN);
        const frames: (Frame & { expected?: RejectReason })[] = neighbours.map((event, index) => ({
          name: event.type,
          args: [sanitizedNeighbours[index] ? copyOf(event, true) : event],
        }));
        // Inserted from the back, so each position still points between the same neighbours.
        const placed = [...hostiles].sort((left, right) => right[1] - left[1]);
        for (const [build, position, templateIndex] of placed) {
          const hostile = build(neighbours[templateIndex]!);
          sentByKind.set(hostile.kind, (sentByKind.get(hostile.kind) ?? 0) + 1);
          frames.splice(position, 0, hostile);
        }
        neighboursSent += neighbours.length;

        for (const frame of frames) fake.serverEmit(frame.name, ...frame.args);

        const expectedRejections = frames.flatMap((frame) => (frame.expected ? [frame.expected] : []));
        expect(rejections).toEqual(expectedRejections);
        expect(delivered).toEqual(neighbours);
        const stats = client.getStats();
        expect(stats.malformedFrames).toBe(hostiles.length);
        expect(stats.rejectedFrames).toEqual(tally(expectedRejections));
        expect(stats.sanitizedFrames).toBe(sanitizedNeighbours.filter(Boolean).length);
        expect(stats).toMatchObject({ duplicateFrames: 0, staleFrames: 0, gaps: 0 });
        expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
        client.close();
      }),
      { seed: 20_260_721, numRuns: RUNS, endOnFailure: true },
    );
    const hostileSent = [...sentByKind.values()].reduce((sum, count) => sum + count, 0);
    expect(hostileSent).toBeGreaterThanOrEqual(10_000);
    expect(neighboursSent).toBe(RUNS * NEIGHBOURS_PER_RUN);
    expect(sentByKind.size).toBe(16);
  });
});

function tally(reasons: RejectReason[]): Record<RejectReason, number> {
  const counts = Object.fromEntries(REJECT_REASONS.map((reason) => [reason, 0])) as Record<RejectReason, number>;
  for (const reason of reasons) counts[reason] += 1;
  return counts;
}
