import type { Socket } from 'socket.io';
import type { Ack } from '../src/protocol';
import { runCommand, type CommandContext } from './command-handlers';

/** One client frame: a command name, its payload and the acknowledgement callback, if any. */
interface CommandFrame {
  name: string;
  payload: unknown;
  ack: (reply: Ack) => void;
}

export const threadRoom = (threadId: string) => `thread:${threadId}`;

/** A command context whose connection is a Socket.IO socket: a thread's live audience is a room. */
export function socketCommandContext(socket: Socket, shared: Omit<CommandContext, 'join' | 'leave'>): CommandContext {
  return {
    ...shared,
    join(threadId, replayed) {
      for (const event of replayed) socket.emit(event.type, event);
      void socket.join(threadRoom(threadId));
    },
    leave: (threadId) => void socket.leave(threadRoom(threadId)),
  };
}

const handleCommand = (context: CommandContext, frame: CommandFrame) => frame.ack(runCommand(context, frame.name, frame.payload));

/** Rejects a handshake whose `auth.token` is missing or unknown; the client sees `connect_error` "unauthorized". */
export function createAuthMiddleware(tokens: ReadonlySet<string>) {
  return (socket: Socket, next: (error?: Error) => void) => {
    const token: unknown = socket.handshake.auth['token'];
    next(typeof token === 'string' && tokens.has(token) ? undefined : new Error('unauthorized'));
  };
}

/**
 * Serves one socket's commands. The frame listener is attached before the (slow) session lookup so
 * nothing a client sends right after connecting is lost: such frames wait in `earlyFrameBuffer`.
 */
export function startSocketSession(socket: Socket, context: CommandContext, authDelayMs: number): void {
  /** Frames that arrived before the session was ready, handled in arrival order once it is. */
  const earlyFrameBuffer: CommandFrame[] = [];
  let ready = false;

  socket.onAny((name: string, ...args: unknown[]) => {
    const frame = toFrame(name, args);
    if (ready) handleCommand(context, frame);
    else earlyFrameBuffer.push(frame);
  });

  void lookUpSession(authDelayMs).then(() => {
    if (socket.disconnected) return;
    ready = true;
    for (const frame of earlyFrameBuffer.splice(0)) handleCommand(context, frame);
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
