import * as v from 'valibot';
import { entityId, nonEmpty, positiveInt, usage } from './schema-pieces.js';

/** Fields every server-to-client event carries. */
export const envelopeEntries = {
  id: nonEmpty,
  seq: positiveInt,
  threadId: nonEmpty,
  turnId: entityId,
  ts: v.number(),
};

/** One schema per event type; the wire contract lives here and only here. */
export const eventSchemas = {
  'turn-start': eventSchema('turn-start', {
    messageId: entityId,
    userMessage: v.object({ id: entityId, text: v.string(), clientMessageId: v.optional(entityId) }),
  }),
  'text-delta': eventSchema('text-delta', { messageId: entityId, delta: v.string() }),
  'tool-call-start': eventSchema('tool-call-start', { toolCallId: entityId, tool: nonEmpty, stepId: v.optional(entityId) }),
  'tool-call-args': eventSchema('tool-call-args', { toolCallId: entityId, delta: v.string() }),
  'tool-call-result': eventSchema('tool-call-result', { toolCallId: entityId, result: v.unknown() }),
  'tool-call-error': eventSchema('tool-call-error', { toolCallId: entityId, error: v.object({ code: v.string(), message: v.string() }) }),
  'artifact-created': eventSchema('artifact-created', {
    artifactId: entityId,
    kind: v.picklist(['markdown', 'code', 'html', 'json', 'image']),
    title: v.string(),
    content: v.string(),
    language: v.optional(v.string()),
    version: v.literal(1),
  }),
  'artifact-updated': eventSchema('artifact-updated', {
    artifactId: entityId,
    version: v.pipe(positiveInt, v.minValue(2)),
    content: v.optional(v.string()),
    delta: v.optional(v.string()),
  }),
  'step-start': eventSchema('step-start', { stepId: entityId, index: v.pipe(v.number(), v.integer(), v.minValue(0)), name: v.optional(v.string()) }),
  'step-finish': eventSchema('step-finish', { stepId: entityId, finishReason: v.optional(v.string()), usage: v.optional(usage) }),
  'memory-write': eventSchema('memory-write', { memoryId: entityId, content: v.string(), scope: v.optional(v.string()) }),
  'memory-recall-result': eventSchema('memory-recall-result', {
    query: v.string(),
    memories: v.array(v.object({ memoryId: entityId, content: v.string(), score: v.optional(v.number()) })),
  }),
  'run-update': eventSchema('run-update', {
    runId: entityId,
    status: v.picklist(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
    progress: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
    label: v.optional(v.string()),
    etaMs: v.optional(v.pipe(v.number(), v.minValue(0))),
  }),
  'approval-pending': eventSchema('approval-pending', {
    approvalId: entityId,
    toolCallId: v.optional(entityId),
    tool: nonEmpty,
    args: v.record(v.string(), v.unknown()),
    reason: v.optional(v.string()),
    expiresAt: v.optional(v.number()),
  }),
  'approval-resolved': eventSchema('approval-resolved', {
    approvalId: entityId,
    decision: v.picklist(['approved', 'denied', 'expired', 'cancelled']),
    resolvedBy: v.optional(v.string()),
  }),
  error: eventSchema('error', { code: v.string(), message: v.string(), retryable: v.boolean() }),
  finish: eventSchema('finish', {
    finishReason: v.picklist(['stop', 'length', 'cancelled', 'error']),
    usage,
    durationMs: v.pipe(v.number(), v.minValue(0)),
  }),
};


function eventSchema<TType extends string, TEntries extends v.ObjectEntries>(type: TType, entries: TEntries) {
  return v.object({ ...envelopeEntries, type: v.literal(type), ...entries });
}

export type EventType = keyof typeof eventSchemas;

export const EVENT_TYPES = Object.keys(eventSchemas) as EventType[];

export const serverEventSchema = v.pipe(
  v.variant('type', Object.values(eventSchemas)),
  v.check(
    (event) => event.type !== 'artifact-updated' || (event.content === undefined) !== (event.delta === undefined),
    'artifact-updated carries either content or delta, not both and not neither',
  ),
);

export type ServerEvent = v.InferOutput<typeof serverEventSchema>;
export type EventOf<T extends EventType> = Extract<ServerEvent, { type: T }>;
export type Envelope = v.InferOutput<v.ObjectSchema<typeof envelopeEntries, undefined>>;
/** An event's own fields, without the envelope and `type`. */
export type EventPayload<T extends EventType> = Omit<EventOf<T>, keyof Envelope | 'type'>;
