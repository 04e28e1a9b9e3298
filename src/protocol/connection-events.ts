import * as v from 'valibot';
import { entityId, nonEmpty, positiveInt } from './schema-pieces.js';

/**
 * The connections gateway (`/connections`): frames the server sends a client's browser-side tools and entity
 * cache. Same envelope rules as the chat stream, with `seq` counted per gateway session instead of per thread.
 */
export const connectionEnvelopeEntries = {
  id: nonEmpty,
  seq: positiveInt,
  ts: v.number(),
};

const jsonPointer = v.pipe(
  v.string(),
  v.check((path) => path === '' || path.startsWith('/'), 'a JSON Pointer is empty or starts with "/"'),
);

/** One RFC 6902 operation. */
export const jsonPatchOperationSchema = v.variant('op', [
  v.object({ op: v.literal('add'), path: jsonPointer, value: v.unknown() }),
  v.object({ op: v.literal('remove'), path: jsonPointer }),
  v.object({ op: v.literal('replace'), path: jsonPointer, value: v.unknown() }),
  v.object({ op: v.literal('move'), from: jsonPointer, path: jsonPointer }),
  v.object({ op: v.literal('copy'), from: jsonPointer, path: jsonPointer }),
  v.object({ op: v.literal('test'), path: jsonPointer, value: v.unknown() }),
]);

export type JsonPatchOperation = v.InferOutput<typeof jsonPatchOperationSchema>;

const toolError = v.object({ code: nonEmpty, message: v.string() });

export const connectionEventSchemas = {
  /** Run a tool this client registered, for the tool call `toolCallId` of a turn in `threadId`. */
  'tool:invoke': v.object({
    ...connectionEnvelopeEntries,
    type: v.literal('tool:invoke'),
    invocationId: entityId,
    threadId: nonEmpty,
    toolCallId: entityId,
    name: nonEmpty,
    args: v.unknown(),
  }),
  /** Stop an invocation: the turn was cancelled, or the tool ran out of time on the server. */
  'tool:cancel': v.object({
    ...connectionEnvelopeEntries,
    type: v.literal('tool:cancel'),
    invocationId: entityId,
    /** `turn-cancelled` or `timeout`; any other reason is a cancel too. */
    reason: v.string(),
  }),
  /** A new version of an entity: its whole `snapshot`, or a JSON `patch` of the version before it. */
  'entity:updated': v.pipe(
    v.object({
      ...connectionEnvelopeEntries,
      type: v.literal('entity:updated'),
      entityType: nonEmpty,
      entityId: entityId,
      version: positiveInt,
      snapshot: v.optional(v.unknown()),
      patch: v.optional(v.array(jsonPatchOperationSchema)),
    }),
    v.check((event) => (event.snapshot === undefined) !== (event.patch === undefined), 'entity:updated carries either snapshot or patch, not both and not neither'),
  ),
};

export type ConnectionEventType = keyof typeof connectionEventSchemas;

export const CONNECTION_EVENT_TYPES = Object.keys(connectionEventSchemas) as ConnectionEventType[];

export const connectionEventSchema = v.variant('type', Object.values(connectionEventSchemas));

export type ConnectionEvent = v.InferOutput<typeof connectionEventSchema>;
export type ConnectionEventOf<T extends ConnectionEventType> = Extract<ConnectionEvent, { type: T }>;

/** The error a browser-side tool answers with; `invalid_args`, `unknown_tool`, `timeout` and `cancelled` come from the kit. */
export const toolErrorSchema = toolError;
export type ToolError = v.InferOutput<typeof toolError>;

/** One entity as `GET /api/connections/entities` lists it. */
export const entitySnapshotSchema = v.object({ entityType: nonEmpty, entityId: entityId, version: positiveInt, snapshot: v.unknown() });
export type EntitySnapshot = v.InferOutput<typeof entitySnapshotSchema>;

/** An invocation the session still owes an answer, as `tool:invoke` carried it. */
export const openInvocationSchema = v.object({ invocationId: entityId, threadId: nonEmpty, toolCallId: entityId, name: nonEmpty, args: v.unknown() });
export type OpenInvocation = v.InferOutput<typeof openInvocationSchema>;

/**
 * `GET /api/connections/entities?sessionId=`: every entity the token may see and the session's unanswered
 * invocations, current to the session's `lastEventId`.
 */
export const entitiesResponseSchema = v.object({
  lastEventId: v.nullable(nonEmpty),
  entities: v.array(entitySnapshotSchema),
  invocations: v.array(openInvocationSchema),
});
export type EntitiesResponse = v.InferOutput<typeof entitiesResponseSchema>;
