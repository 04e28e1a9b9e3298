import * as v from 'valibot';
import { eventSchemas } from './event-schemas.js';
import { entityId, nonEmpty, positiveInt, usage } from './schema-pieces.js';

const events = eventSchemas;
const optionalUsage = v.optional(usage);

const toolCallView = v.object({
  id: entityId,
  turnId: entityId,
  messageId: entityId,
  tool: nonEmpty,
  stepId: v.optional(entityId),
  argsText: v.string(),
  status: v.picklist(['streaming-args', 'running', 'succeeded', 'failed']),
  result: v.optional(v.unknown()),
  error: v.optional(events['tool-call-error'].entries.error),
});

const artifactView = v.pipe(
  v.object({
    id: entityId,
    turnId: entityId,
    messageId: entityId,
    kind: events['artifact-created'].entries.kind,
    title: v.string(),
    language: v.optional(v.string()),
    versions: v.array(v.string()),
    version: positiveInt,
  }),
  v.check((artifact) => artifact.versions.length === artifact.version, 'an artifact has one entry in versions per version'),
);

const approvalView = v.object({
  id: entityId,
  turnId: entityId,
  messageId: entityId,
  tool: nonEmpty,
  args: events['approval-pending'].entries.args,
  toolCallId: v.optional(entityId),
  reason: v.optional(v.string()),
  expiresAt: v.optional(v.number()),
  state: v.picklist(['pending', 'approved', 'denied', 'expired', 'cancelled']),
  resolvedBy: v.optional(v.string()),
});

const runView = v.object({
  id: entityId,
  turnId: entityId,
  messageId: entityId,
  status: events['run-update'].entries.status,
  progress: events['run-update'].entries.progress,
  label: v.optional(v.string()),
  etaMs: events['run-update'].entries.etaMs,
  updatedAt: v.number(),
});

const stepView = v.object({
  id: entityId,
  turnId: entityId,
  index: events['step-start'].entries.index,
  name: v.optional(v.string()),
  status: v.picklist(['running', 'finished']),
  finishReason: v.optional(v.string()),
  usage: optionalUsage,
});

const historyPart = v.variant('type', [
  v.object({ type: v.literal('text'), text: v.string() }),
  v.object({ type: v.literal('tool-call'), toolCall: toolCallView }),
  v.object({ type: v.literal('artifact'), artifact: artifactView }),
  v.object({ type: v.literal('step'), step: stepView }),
  v.object({ type: v.literal('memory-write'), memoryId: entityId, content: v.string(), scope: v.optional(v.string()) }),
  v.object({ type: v.literal('memory-recall'), query: v.string(), memories: events['memory-recall-result'].entries.memories }),
  v.object({ type: v.literal('run'), run: runView }),
  v.object({ type: v.literal('approval'), approval: approvalView }),
  v.object({ type: v.literal('error'), code: v.string(), message: v.string(), retryable: v.boolean() }),
]);

const historyMessage = v.variant('role', [
  v.object({ id: entityId, role: v.literal('user'), turnId: entityId, text: v.string(), clientMessageId: v.optional(entityId) }),
  v.object({
    id: entityId,
    role: v.literal('assistant'),
    turnId: entityId,
    parts: v.array(historyPart),
    status: v.picklist(['streaming', 'finished', 'failed', 'cancelled']),
    finishReason: v.optional(events.finish.entries.finishReason),
    usage: optionalUsage,
    durationMs: v.optional(events.finish.entries.durationMs),
  }),
]);

/** `GET /api/threads/:threadId/messages`, the same contract as the view types in `view-types.ts` (a test keeps them equal). */
export const historyResponseSchema = v.object({
  threadId: nonEmpty,
  messages: v.array(historyMessage),
  lastEventId: v.nullable(nonEmpty),
});
