import type { Network } from './network.js';

/** What the server sends down one connection: an event frame or the acknowledgement of a command. */
export type ClientBoundPacket = { kind: 'event'; name: string; payload: unknown } | { kind: 'ack'; ackId: number; reply: unknown };

/** A command frame from the client; `ackId` is null when the client asked for no acknowledgement. */
export interface ServerBoundFrame {
  name: string;
  payload: unknown;
  ackId: number | null;
}

/** `half-open`: both ends still think it is up, but nothing gets through any more. */
export type ConnectionState = 'open' | 'half-open' | 'closed';

export type Connection = ReturnType<typeof createConnection>;

/**
 * One transport connection: an ordered stream each way, like a WebSocket. Each frame crosses when the network
 * releases it; a released client-bound step may carry several queued packets at once (`burstSize`), as one
 * TCP read would, so the client sees frames arrive together before its own promise continuations run.
 */
export function createConnection(options: { id: number; network: Network; burstSize: () => number }) {
  const { network } = options;
  const toClient: ClientBoundPacket[] = [];
  const toServer: ServerBoundFrame[] = [];
  let state: ConnectionState = 'open';
  let serverSessionReady = false;
  let clientEnd: (packet: ClientBoundPacket) => void = () => {};
  let serverEnd: (frame: ServerBoundFrame) => void = () => {};
  let clientCloseHandler: (reason: string) => void = () => {};

  const deliverToClient = () => {
    for (let count = options.burstSize(); count > 0 && state === 'open' && toClient.length > 0; count -= 1) {
      clientEnd(toClient.shift()!);
    }
  };
  const close = (): ClientBoundPacket[] => {
    state = 'closed';
    toServer.length = 0;
    return toClient.splice(0);
  };
  const deliverToServer = () => {
    if (state === 'open' && serverSessionReady && toServer.length > 0) serverEnd(toServer.shift()!);
  };

  return {
    id: options.id,
    get state() {
      return state;
    },
    get pendingToClient() {
      return toClient.length;
    },
    get pendingToServer() {
      return toServer.length;
    },
    onClientPacket(handler: (packet: ClientBoundPacket) => void) {
      clientEnd = handler;
    },
    onServerFrame(handler: (frame: ServerBoundFrame) => void) {
      serverEnd = handler;
    },
    /** How the client end learns that the other side closed the connection. */
    onClosedByServer(handler: (reason: string) => void) {
      clientCloseHandler = handler;
    },
    sendToClient(packet: ClientBoundPacket) {
      if (state !== 'open') return;
      toClient.push(packet);
      network.later(`connection ${options.id}: ${describe(packet)} reaches the client`, deliverToClient);
    },
    sendToServer(frame: ServerBoundFrame) {
      if (state !== 'open') return;
      toServer.push(frame);
      network.later(`connection ${options.id}: ${frame.name} reaches the server`, deliverToServer);
    },
    /** The server finished loading the session: frames that waited are handled in arrival order. */
    markServerSessionReady() {
      serverSessionReady = true;
      while (state === 'open' && toServer.length > 0) serverEnd(toServer.shift()!);
    },
    goHalfOpen() {
      if (state !== 'open') return;
      state = 'half-open';
      toClient.length = 0;
      toServer.length = 0;
    },
    /** Ends the connection; returns the client-bound packets that never arrived. */
    close,
    /** The server ends the connection; the client hears of it a network step later, and whatever was in flight is lost. */
    closeFromServer(reason: string): ClientBoundPacket[] {
      if (state === 'closed') return [];
      const undelivered = close();
      network.later(`connection ${options.id}: close (${reason}) reaches the client`, () => clientCloseHandler(reason));
      return undelivered;
    },
  };
}

function describe(packet: ClientBoundPacket): string {
  if (packet.kind === 'ack') return `ack #${packet.ackId}`;
  const id = (packet.payload as { id?: unknown } | null)?.id;
  return `${packet.name} ${String(id)}`;
}
