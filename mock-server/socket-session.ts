import type { Socket } from 'socket.io';
import type { Ack } from '../src/protocol/index.js';
import type { CommandContext } from '../src/testing/agent/command-handlers.js';
import type { FrameBatcher } from '../src/testing/agent/frame-batcher.js';
import type { FaultableSocket, SocketFaultPipeline } from './faults/socket-fault-pipeline.js';
import { handshakeToken } from './handshake-token.js';
import type { createThreadMembership } from './thread-membership.js';

/** One client frame: a command name, its payload and the acknowledgement callback, if any. */
interface CommandFrame {
  name: string;
  payload: unknown;
  ack: (reply: Ack) => void;
}

type Membership = ReturnType<typeof createThreadMembership<SocketFaultPipeline>>;

/**
 * A command context whose connection is one socket's fault pipeline; the thread's live audience is `membership`.
 * `replayWindowMs` is read from `settings` at each subscribe, so it can change while the server runs.
 */
export function socketCommandContext(
  pipeline: SocketFaultPipeline,
  membership: Membership,
  settings: { replayWindowMs: number },
  shared: Omit<CommandContext, 'join' | 'leave' | 'replayWindowMs'>,
): CommandContext {
  return {
    ...shared,
    get replayWindowMs() {
      return settings.replayWindowMs;
    },
    join(threadId, replayed) {
      for (const event of replayed) pipeline.deliver(event);
      membership.join(shared.agentId, threadId, pipeline);
      pipeline.joined(threadId);
    },
    leave(threadId) {
      membership.leave(shared.agentId, threadId, pipeline);
      pipeline.left(threadId);
    },
  };
}

/**
 * What a batching socket's fault pipeline sends to: each event that passed the faults goes into `batcher`, and a cut
 * sends what it holds first, as the events sent one by one would have been before the transport closed.
 */
export function batchingSocket(socket: Socket, batcher: FrameBatcher): FaultableSocket {
  return {
    emit: (_name, event) => batcher.push(event),
    conn: {
      close() {
        batcher.flush();
        socket.conn.close();
      },
    },
  };
}

/**
 * Rejects a handshake whose token (see `handshakeToken`) is missing or unknown, or that a fault rejects; the client
 * sees `connect_error` "unauthorized".
 */
export function createAuthMiddleware(tokens: ReadonlySet<string>, rejectsHandshake: () => boolean = () => false) {
  return (socket: Socket, next: (error?: Error) => void) => {
    const token = handshakeToken(socket.handshake);
    const accepted = token !== undefined && tokens.has(token) && !rejectsHandshake();
    next(accepted ? undefined : new Error('unauthorized'));
  };
}

/** Runs one command of a socket synchronously and returns its acknowledgement. */
export type CommandRunner = (name: string, payload: unknown) => Ack;

export interface SessionOptions {
  authDelayMs: number;
  /** Called once the session lookup is done, if the socket is still connected: runs the socket's commands from then on. */
  openSession: () => CommandRunner;
  /** True while the connection is half-open: frames are ignored and nothing is acknowledged. */
  isSilent: () => boolean;
  /** Whether the token the socket connected with is still accepted; asked before every command. */
  isTokenAccepted: () => boolean;
  /** Sends the events a batching socket holds, so they arrive before the acknowledgement about to go out. */
  flushFrames?: () => void;
}

const revokedReply: Ack = { ok: false, error: { code: 'unauthorized', message: 'The token of this connection was revoked.' } };

/**
 * Serves one socket's commands, on a chat namespace or the connections gateway. The frame listener is attached
 * before the (slow) session lookup so nothing a client sends right after connecting is lost: such frames wait in
 * `earlyFrameBuffer`.
 */
export function startSocketSession(socket: Socket, options: SessionOptions): void {
  /** Frames that arrived before the session was ready, handled in arrival order once it is. */
  const earlyFrameBuffer: CommandFrame[] = [];
  let runCommand: CommandRunner | null = null;

  const handleCommand = (run: CommandRunner, frame: CommandFrame) => {
    if (options.isSilent()) return;
    if (!options.isTokenAccepted()) {
      // A revoked token must not keep its session: the client reconnects, and the handshake refuses it.
      options.flushFrames?.();
      frame.ack(revokedReply);
      socket.disconnect();
      return;
    }
    const reply = run(frame.name, frame.payload);
    // The command itself may have tripped a fault (a replayed frame reaching a half-open point): stay silent then too.
    if (options.isSilent()) return;
    // Events the command sent (a resume's replay) go out before its acknowledgement, as they would one by one.
    options.flushFrames?.();
    frame.ack(reply);
  };

  socket.onAny((name: string, ...args: unknown[]) => {
    const frame = toFrame(name, args);
    if (runCommand) handleCommand(runCommand, frame);
    else earlyFrameBuffer.push(frame);
  });

  void lookUpSession(options.authDelayMs).then(() => {
    if (socket.disconnected) return;
    const run = options.openSession();
    runCommand = run;
    for (const frame of earlyFrameBuffer.splice(0)) handleCommand(run, frame);
  });
}

function toFrame(name: string, args: unknown[]): CommandFrame {
  const last = args.at(-1);
  const ack = typeof last === 'function' ? (last as (reply: Ack) => void) : () => {};
  return { name, payload: args[0], ack };
}

/** Stands in for loading the user's session from a store. */
function lookUpSession(authDelayMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, authDelayMs));
}
