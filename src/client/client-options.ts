import type { Socket } from 'socket.io-client';

/** The part of a socket.io-client Socket the client uses; tests inject a fake. */
export type ClientSocket = Pick<Socket, 'on' | 'off' | 'onAny' | 'offAny' | 'emit' | 'timeout' | 'connect' | 'disconnect' | 'connected' | 'active' | 'io'>;

export interface PlatosClientOptions {
  /** Origin of the agent server, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /** @default 'default' */
  agentId?: string;
  /** A fixed token, or use `getToken`. */
  token?: string;
  /** Called before every connection attempt and history fetch. */
  getToken?: () => string | Promise<string>;
  /** @default '/streaming' */
  path?: string;
  /** @default ['websocket', 'polling'] */
  transports?: ('websocket' | 'polling' | 'webtransport')[];
  /** How long a command may wait for its acknowledgement. @default 10000 */
  ackTimeoutMs?: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Called for every frame that fails validation; the frame is dropped and counted either way. */
  onMalformedFrame?: (frame: unknown, reason: string) => void;
  /** Creates the socket; for tests. */
  socketFactory?: (namespaceUrl: string, options: SocketFactoryOptions) => ClientSocket;
}

export interface SocketFactoryOptions {
  path: string;
  transports: ('websocket' | 'polling' | 'webtransport')[];
  auth: (callback: (data: object) => void) => void;
}
