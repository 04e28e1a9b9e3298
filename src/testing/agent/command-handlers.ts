import * as v from 'valibot';
import type { Ack, CommandAck, CommandName, CommandRequest, ServerEvent } from '../../protocol/index.js';
import type { ApprovalRegistry } from './approval-registry.js';
import { commandSchemas, isCommandName } from './command-schemas.js';
import type { ThreadStore, TurnRecord } from './thread-store.js';
import { enqueueTurn, type TurnRunnerDeps } from './turn-runner.js';
import { failedAck } from './failed-ack.js';

/** What a command may do to one client connection, whatever carries it (a Socket.IO server or an in-browser mock). */
export interface CommandContext {
  agentId: string;
  /** Who sends these commands; the turns they start call browser tools of this owner's gateway sessions only. */
  owner: string;
  store: ThreadStore;
  approvals: ApprovalRegistry;
  turnRunner: TurnRunnerDeps;
  replayWindowMs: number;
  /** Sends the replayed events to this connection, then makes it receive the thread's live events. */
  join(threadId: string, replayed: readonly ServerEvent[]): void;
  leave(threadId: string): void;
}


/** Runs one command synchronously, so commands of a connection take effect in the order they arrived. */
export function runCommand(context: CommandContext, name: string, payload: unknown): Ack {
  if (!isCommandName(name)) return failedAck('unknown_command', `Unknown command ${name}.`);
  const parsed = v.safeParse(commandSchemas[name], payload);
  if (!parsed.success) return failedAck('invalid_request', `${name}: ${parsed.issues[0].message}`);
  return run(context, name, parsed.output);
}

function run(context: CommandContext, name: CommandName, request: CommandRequest<CommandName>): Ack {
  switch (name) {
    case 'thread:subscribe':
      return subscribe(context, request as CommandRequest<'thread:subscribe'>);
    case 'thread:unsubscribe':
      context.leave((request as CommandRequest<'thread:unsubscribe'>).threadId);
      return { ok: true };
    case 'message:send':
      return send(context, request as CommandRequest<'message:send'>);
    case 'turn:cancel':
      return cancel(context, request as CommandRequest<'turn:cancel'>);
    case 'connection:ping':
      return pong(context);
    case 'approval:respond': {
      const { approvalId, decision } = request as CommandRequest<'approval:respond'>;
      const result = context.approvals.respond(context.agentId, approvalId, decision);
      return result.ok ? { ok: true } : failedAck(result.code, result.message);
    }
    default:
      return assertNever(name);
  }
}

function subscribe(context: CommandContext, request: CommandRequest<'thread:subscribe'>): CommandAck<'thread:subscribe'> {
  const thread = context.store.thread(context.agentId, request.threadId);
  const replay = context.store.replayAfter(thread, request.lastEventId, context.replayWindowMs);
  // Replay and join in one synchronous run: no live frame of this thread can reach the connection in between.
  context.join(request.threadId, replay.resumed ? replay.events : []);
  return { ok: true, resumed: replay.resumed, lastEventId: context.store.lastEventId(thread) };
}

function send(context: CommandContext, request: CommandRequest<'message:send'>): CommandAck<'message:send'> {
  const thread = context.store.thread(context.agentId, request.threadId);
  const knownTurnId = thread.turnIdsByClientMessageId.get(request.clientMessageId);
  if (knownTurnId) return { ok: true, turnId: knownTurnId };
  const turnId = context.store.nextTurnId();
  const turn: TurnRecord = {
    turnId,
    clientMessageId: request.clientMessageId,
    userText: request.text,
    userMessageId: `${turnId}.user`,
    messageId: `${turnId}.assistant`,
    turnIndex: thread.turns.size,
    owner: context.owner,
    state: 'queued',
    cancellation: new AbortController(),
  };
  thread.turns.set(turnId, turn);
  thread.turnIdsByClientMessageId.set(request.clientMessageId, turnId);
  enqueueTurn(context.turnRunner, thread, turn);
  return { ok: true, turnId };
}

function cancel(context: CommandContext, request: CommandRequest<'turn:cancel'>): Ack {
  const turn = context.store.thread(context.agentId, request.threadId).turns.get(request.turnId);
  if (!turn) return failedAck('turn_not_found', `No turn ${request.turnId} in thread ${request.threadId}.`);
  turn.cancellation.abort();
  return { ok: true };
}

function pong(context: CommandContext): CommandAck<'connection:ping'> {
  return { ok: true, ts: context.turnRunner.now() };
}

function assertNever(value: never): never {
  throw new Error(`Unhandled command ${String(value)}`);
}
