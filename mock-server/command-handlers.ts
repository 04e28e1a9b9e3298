import * as v from 'valibot';
import type { Socket } from 'socket.io';
import type { Ack, CommandAck, CommandName, CommandRequest } from '../src/protocol';
import type { ApprovalRegistry } from './approval-registry';
import { commandSchemas, isCommandName } from './command-schemas';
import type { ThreadStore, TurnRecord } from './thread-store';
import { enqueueTurn, type TurnRunnerDeps } from './turn-runner';

export interface CommandContext {
  agentId: string;
  socket: Socket;
  store: ThreadStore;
  approvals: ApprovalRegistry;
  turnRunner: TurnRunnerDeps;
  replayWindowMs: number;
}

/** One client frame: a command name, its payload and the acknowledgement callback, if any. */
export interface CommandFrame {
  name: string;
  payload: unknown;
  ack: (reply: Ack) => void;
}

export const threadRoom = (threadId: string) => `thread:${threadId}`;

const fail = (code: string, message: string) => ({ ok: false as const, error: { code, message } });

/** Runs one command synchronously, so commands of a socket take effect in the order they arrived. */
export function handleCommand(context: CommandContext, frame: CommandFrame): void {
  if (!isCommandName(frame.name)) return frame.ack(fail('unknown_command', `Unknown command ${frame.name}.`));
  const parsed = v.safeParse(commandSchemas[frame.name], frame.payload);
  if (!parsed.success) return frame.ack(fail('invalid_request', `${frame.name}: ${parsed.issues[0].message}`));
  frame.ack(run(context, frame.name, parsed.output));
}

function run(context: CommandContext, name: CommandName, request: CommandRequest<CommandName>): Ack {
  switch (name) {
    case 'thread:subscribe':
      return subscribe(context, request as CommandRequest<'thread:subscribe'>);
    case 'thread:unsubscribe':
      void context.socket.leave(threadRoom((request as CommandRequest<'thread:unsubscribe'>).threadId));
      return { ok: true };
    case 'message:send':
      return send(context, request as CommandRequest<'message:send'>);
    case 'turn:cancel':
      return cancel(context, request as CommandRequest<'turn:cancel'>);
    case 'approval:respond': {
      const { approvalId, decision } = request as CommandRequest<'approval:respond'>;
      const result = context.approvals.respond(context.agentId, approvalId, decision);
      return result.ok ? { ok: true } : fail(result.code, result.message);
    }
    default:
      return assertNever(name);
  }
}

function subscribe(context: CommandContext, request: CommandRequest<'thread:subscribe'>): CommandAck<'thread:subscribe'> {
  const thread = context.store.thread(context.agentId, request.threadId);
  const replay = context.store.replayAfter(thread, request.lastEventId, context.replayWindowMs);
  // Replay and join in one synchronous run: no live frame of this thread can reach the socket in between.
  if (replay.resumed) for (const event of replay.events) context.socket.emit(event.type, event);
  void context.socket.join(threadRoom(request.threadId));
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
  if (!turn) return fail('turn_not_found', `No turn ${request.turnId} in thread ${request.threadId}.`);
  turn.cancellation.abort();
  return { ok: true };
}

function assertNever(value: never): never {
  throw new Error(`Unhandled command ${String(value)}`);
}
