import type { GenericSchema } from 'valibot';
import type { ClientStats, ConnectionState, CountersOf } from '../types.js';

/** A JSON Schema (draft 2020-12 or older) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/** What a running tool knows about its call. */
export interface ToolExecutionContext {
  /** Aborted when the invocation times out or the server cancels it; `signal.reason` says which. */
  signal: AbortSignal;
  threadId: string;
  toolCallId: string;
  invocationId: string;
}

/** A tool that runs in this browser and that agents may call through the connections gateway. */
export interface ClientTool<TArgs = unknown, TResult = unknown> {
  /** Unique per client; what the agent calls. */
  name: string;
  /** Tells the model what the tool does and when to use it. */
  description: string;
  /**
   * The arguments: a JSON Schema, or a valibot schema (converted to JSON Schema for the agent). Arguments that do not
   * match are answered with the error `invalid_args`, and `execute` does not run.
   */
  parameters: JsonSchema | GenericSchema<unknown, TArgs>;
  /** Runs the tool; its return value (JSON data) is the result the agent sees, a throw its error. */
  execute(args: TArgs, context: ToolExecutionContext): TResult | Promise<TResult>;
  /** After this long the signal aborts and the agent gets the error `timeout`. @default 60000 */
  timeoutMs?: number;
}

/** `running` until `execute` settles; `cancelled` when the server called it off. */
export type InvocationState = 'running' | 'succeeded' | 'failed' | 'cancelled';

/**
 * Where the answer stands: kept until the server acknowledged it, re-sent after every reconnect; `rejected` when the
 * server refused it for good (it is not sent again).
 */
export type AnswerDelivery = 'none' | 'pending' | 'acknowledged' | 'rejected';

/** One call of a browser-side tool, as the UI shows it. */
export interface ToolInvocation {
  invocationId: string;
  threadId: string;
  toolCallId: string;
  name: string;
  /** The arguments as the agent sent them: model output, not checked. */
  args: unknown;
  /** The arguments as the tool's schema produced them, once they passed its check. */
  parsedArgs?: unknown;
  state: InvocationState;
  result?: unknown;
  error?: { code: string; message: string };
  delivery: AnswerDelivery;
}

/** The current version of one entity; `value` is `undefined` once a rebuild no longer lists it. */
export interface EntityRecord {
  entityType: string;
  entityId: string;
  version: number;
  value: unknown;
}

export interface EntityFilter {
  entityType?: string;
  entityId?: string;
}

/** `idle` until the first tool or entity listener opens the gateway. */
export type GatewayState = ConnectionState | 'idle';

/** The chat stream's frame counters (what the gateway's session drops, holds or repairs), and the gateway's own. */
export interface ConnectionsStats extends Omit<ClientStats, 'sanitizedFrames' | 'batchedFrames'> {
  /** Times the gateway was rebuilt from the entities endpoint after a resume that was not possible. */
  resyncs: number;
  /** `tool:invoke` frames that started a tool. */
  invocations: number;
  /** `tool:invoke` frames of an invocation already known: not run again, its kept answer re-sent. */
  duplicateInvocations: number;
  /** Invocations answered `invalid_args` without running. */
  invalidArgs: number;
  /** Invocations answered `timeout`. */
  timeouts: number;
  /** Invocations the server cancelled while they ran. */
  cancellations: number;
  /** `tool:result`/`tool:error` transmissions, re-sends included. */
  answersSent: number;
  /** Answers the server acknowledged. */
  answersAcknowledged: number;
  /** Answers the server refused for good (not sent again). */
  answersRejected: number;
  /** `tools:sync` commands that failed (refused, or lost without a reconnect to repeat them). */
  toolSyncFailures: number;
  /** `tools:sync` commands sent. */
  toolSyncs: number;
  /** Entity updates applied. */
  entityUpdates: number;
  /** Entity updates of a version not above the one held, ignored. */
  staleEntityUpdates: number;
  /** Patches that could not be applied (no base, a skipped version, a failed `test`), each followed by a rebuild. */
  entityPatchFailures: number;
}

/** The gateway's counters that are plain counts. */
export type ConnectionsCounter = CountersOf<ConnectionsStats>;

/** Browser-side tools and entity events over the connections gateway, one extra socket opened on first use. */
export interface PlatosConnections {
  /**
   * Offers a tool to agents; the set goes out in a `tools:sync` now or after the next connect. Registering a name
   * again replaces that tool. Returns the unregister function.
   */
  registerTool<TArgs, TResult>(tool: ClientTool<TArgs, TResult>): () => void;
  unregisterTool(name: string): void;
  /** Names of the registered tools. */
  toolNames(): string[];
  /** Hears every applied entity change (matching `filter`); returns the stop function. */
  onEntity(listener: (entity: EntityRecord) => void, filter?: EntityFilter): () => void;
  getEntity(entityType: string, entityId: string): EntityRecord | undefined;
  /** Hears every change of a tool invocation; returns the stop function. */
  onInvocation(listener: (invocation: ToolInvocation) => void): () => void;
  getInvocation(invocationId: string): ToolInvocation | undefined;
  getState(): GatewayState;
  subscribe(listener: (state: GatewayState) => void): () => void;
  getStats(): ConnectionsStats;
  /** Resolves once the gateway opened by the first tool or entity listener has loaded and created its socket. */
  ready(): Promise<void>;
}
