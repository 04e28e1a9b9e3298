import * as v from 'valibot';
import type { Ack, ConnectionCommandAck, ConnectionCommandName, ConnectionCommandRequest, ConnectionEvent } from '../../../protocol/index.js';
import { describeIssue } from '../../../protocol/describe-issue.js';
import type { ClientToolOutcome } from '../../scenarios/scenario-types.js';
import type { AnswerResult } from './client-tool-invoker.js';
import { gatewayCommandSchemas, isGatewayCommandName } from './gateway-command-schemas.js';
import type { GatewaySession, GatewaySessionStore } from './gateway-session-store.js';
import { failedAck } from '../failed-ack.js';

/** What a gateway command may do: to its socket's session, and to that socket. */
export interface GatewayCommandContext {
  session: GatewaySession;
  sessions: GatewaySessionStore;
  replayWindowMs: number;
  now(): number;
  /** Sends the replayed frames to this socket, then makes it receive the session's live frames. */
  attach(replayed: readonly ConnectionEvent[]): void;
  answer(invocationId: string, outcome: ClientToolOutcome): AnswerResult;
}


/** Runs one gateway command synchronously, so the commands of a socket take effect in the order they arrived. */
export function runGatewayCommand(context: GatewayCommandContext, name: string, payload: unknown): Ack {
  if (!isGatewayCommandName(name)) return failedAck('unknown_command', `Unknown command ${name}.`);
  const parsed = v.safeParse(gatewayCommandSchemas[name], payload);
  if (!parsed.success) return failedAck('invalid_request', `${name}: ${describeIssue(parsed.issues)}`);
  return run(context, name, parsed.output);
}

function run(context: GatewayCommandContext, name: ConnectionCommandName, request: ConnectionCommandRequest<ConnectionCommandName>): Ack {
  switch (name) {
    case 'connections:subscribe':
      return subscribe(context, request as ConnectionCommandRequest<'connections:subscribe'>);
    case 'tools:sync':
      return syncTools(context, request as ConnectionCommandRequest<'tools:sync'>);
    case 'tool:result': {
      const { invocationId, result } = request as ConnectionCommandRequest<'tool:result'>;
      return answer(context, invocationId, { result });
    }
    case 'tool:error': {
      const { invocationId, error } = request as ConnectionCommandRequest<'tool:error'>;
      return answer(context, invocationId, { error });
    }
    case 'connection:ping':
      return pong(context);
    default:
      return assertNever(name);
  }
}

function subscribe(context: GatewayCommandContext, request: ConnectionCommandRequest<'connections:subscribe'>): ConnectionCommandAck<'connections:subscribe'> {
  const replay = context.sessions.replayAfter(context.session, request.lastEventId, context.replayWindowMs);
  // Replay and attach in one synchronous run: no live frame of the session can reach the socket in between.
  context.attach(replay.resumed ? replay.events : []);
  return { ok: true, resumed: replay.resumed, lastEventId: context.sessions.lastEventId(context.session) };
}

/** Sets that cross on a flaky network end with the latest: a lower revision is answered with the one held. */
function syncTools(context: GatewayCommandContext, request: ConnectionCommandRequest<'tools:sync'>): ConnectionCommandAck<'tools:sync'> {
  return { ok: true, revision: context.sessions.syncTools(context.session, request.revision, request.tools) };
}

function pong(context: GatewayCommandContext): ConnectionCommandAck<'connection:ping'> {
  return { ok: true, ts: context.now() };
}

function answer(context: GatewayCommandContext, invocationId: string, outcome: ClientToolOutcome): Ack {
  if (context.answer(invocationId, outcome) === 'not-found') {
    return failedAck('invocation_not_found', `No open invocation ${invocationId} in this session.`);
  }
  return { ok: true };
}

function assertNever(value: never): never {
  throw new Error(`Unhandled command ${String(value)}`);
}
