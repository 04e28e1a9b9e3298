/** Client-to-server commands, each answered with a Socket.IO acknowledgement. */

export interface CommandError {
  code: string;
  message: string;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: CommandError };

export interface Commands {
  'thread:subscribe': {
    request: { threadId: string; lastEventId?: string };
    reply: { resumed: boolean; lastEventId: string | null };
  };
  'thread:unsubscribe': { request: { threadId: string }; reply: object };
  'message:send': { request: { threadId: string; clientMessageId: string; text: string }; reply: { turnId: string } };
  'turn:cancel': { request: { threadId: string; turnId: string }; reply: object };
  /** Liveness probe: a connection that cannot answer it in time is treated as dead. */
  'connection:ping': { request: object; reply: { ts: number } };
  'approval:respond': {
    request: { approvalId: string; decision: 'approved' | 'denied'; note?: string };
    reply: object;
  };
}

export type CommandName = keyof Commands;
export type CommandRequest<C extends CommandName> = Commands[C]['request'];
export type CommandAck<C extends CommandName> = Ack<Commands[C]['reply']>;

export const SOCKET_PATH = '/streaming';

export function agentNamespace(agentId: string): string {
  return agentId === 'default' ? '/' : `/agents/${encodeURIComponent(agentId)}/chat/stream`;
}
