import { scopeId, type EventBody } from '../scenarios/bind-scenario-event.js';
import type { ClientToolOutcome, ClientToolWaitStep } from '../scenarios/scenario-types.js';
import type { ThreadRecord, TurnRecord } from './thread-store.js';

/** A browser-side tool call of a turn; `toolCallId` is the turn-scoped id the chat stream carries. */
export interface ClientToolRequest {
  threadId: string;
  toolCallId: string;
  name: string;
  args: unknown;
  /** How long the browser has to answer. @default the server's own */
  timeoutMs?: number;
}

/** Runs a turn's browser-side tool calls on the gateway sessions of the turn's owner. */
export interface ClientTools {
  /**
   * Settles with the browser's answer, or with the server's error: `tool_unavailable`, `timeout`, `client_gone`, or
   * `cancelled` once `signal` aborts (the session is then told with `tool:cancel`).
   */
  invoke(turn: TurnRecord, request: ClientToolRequest, signal: AbortSignal): Promise<ClientToolOutcome>;
}

/** The answer when no gateway session offers the tool. */
export function toolUnavailable(name: string): ClientToolOutcome {
  return { error: { code: 'tool_unavailable', message: `No connected browser offers the tool ${name}.` } };
}

/** Asks `clientTools` (none: the tool is unavailable) to run the wait step's tool for the turn. */
export function callClientTool(
  clientTools: ClientTools | undefined,
  thread: ThreadRecord,
  turn: TurnRecord,
  step: ClientToolWaitStep,
  signal: AbortSignal,
): Promise<ClientToolOutcome> {
  if (!clientTools) return Promise.resolve(toolUnavailable(step.tool));
  const request: ClientToolRequest = {
    threadId: thread.threadId,
    toolCallId: scopeId(turn.turnId, step.toolCallId),
    name: step.tool,
    args: step.args,
    ...(step.timeoutMs === undefined ? {} : { timeoutMs: step.timeoutMs }),
  };
  return clientTools.invoke(turn, request, signal);
}

/** The chat event that ends the tool call with the outcome. */
export function toolCallEnd(turn: TurnRecord, step: ClientToolWaitStep, outcome: ClientToolOutcome): EventBody {
  const toolCallId = scopeId(turn.turnId, step.toolCallId);
  return 'result' in outcome ? { type: 'tool-call-result', toolCallId, result: outcome.result } : { type: 'tool-call-error', toolCallId, error: outcome.error };
}
