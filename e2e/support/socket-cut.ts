import type { Page, WebSocketRoute } from '@playwright/test';

/** One Socket.IO packet as it crossed the routed WebSocket. */
export interface SocketPacket {
  direction: 'page' | 'server';
  /** Socket.IO packet type: 2 event, 3 acknowledgement. */
  type: 'event' | 'ack';
  /** The event or command name; for an acknowledgement, the name of the command it answers. */
  name: string;
  ackId: number | null;
  data: unknown[];
  at: number;
}

interface Link {
  page: WebSocketRoute;
  server: WebSocketRoute;
  open: boolean;
  /** Ack id → command name, for commands this connection sent. */
  commands: Map<number, string>;
}

export interface SocketCutter {
  /**
   * Cuts every routed socket (both sides) and refuses new ones until `ms` have passed since the cut;
   * `during` runs while the cut holds (the cut lasts at least until it settles).
   */
  cut(ms: number, during?: () => Promise<void>): Promise<void>;
  /** Socket.IO event packets the page sent to the server with this name (only those that reached it). */
  sent(name: string): number;
  /** Every packet seen, in order. */
  readonly packets: readonly SocketPacket[];
  /** Acknowledgement payloads the server sent for commands of this name. */
  acks(name: string): unknown[];
  /** Sockets the page opened (that reached the route), sockets refused during a cut, cuts made, and `batch` frames received. */
  readonly counts: { sockets: number; refused: number; cuts: number; pollingRequests: number; batches: number };
  /** The mock server's origin (`http://127.0.0.1:PORT`), from the first routed socket's URL. */
  serverUrl(): string;
  readonly isCut: boolean;
  /**
   * While `true`, every new socket is refused, as the browser's own network would (a route is taken before the
   * browser's offline emulation, so without this a page that is "offline" could still reach the server).
   */
  setOffline(offline: boolean): void;
}

/**
 * Parses a text Engine.IO frame carrying a Socket.IO EVENT (`42…`) or ACK (`43…`) packet:
 * `4` + type + optional `/namespace,` + optional ack id + JSON array.
 */
export function parseSocketIoFrame(frame: string): { type: 'event' | 'ack'; ackId: number | null; data: unknown[] } | null {
  const match = /^4([23])(?:\/[^,]*,)?(\d*)(\[.*)$/s.exec(frame);
  if (!match) return null;
  let data: unknown;
  try {
    data = JSON.parse(match[3]!);
  } catch {
    return null;
  }
  if (!Array.isArray(data)) return null;
  return { type: match[1] === '2' ? 'event' : 'ack', ackId: match[2] ? Number(match[2]) : null, data };
}

const frameText = (message: string | Buffer) => (typeof message === 'string' ? message : message.toString('utf8'));

/**
 * Routes every WebSocket of the page to /streaming through Playwright, connected to the real server, so a
 * test can cut the connection and count what the page sends. Call before `page.goto`.
 * Polling is refused (and counted) so that no packet can travel around the count.
 */
export async function routeSockets(page: Page): Promise<SocketCutter> {
  const links = new Set<Link>();
  const packets: SocketPacket[] = [];
  const counts = { sockets: 0, refused: 0, cuts: 0, pollingRequests: 0, batches: 0 };
  let refuseUntil = 0;
  let cutting = false;
  let offline = false;
  let firstUrl: string | null = null;

  const record = (link: Link, direction: SocketPacket['direction'], message: string | Buffer) => {
    const parsed = parseSocketIoFrame(frameText(message));
    if (!parsed) return;
    let name: string;
    if (parsed.type === 'event') {
      name = String(parsed.data[0]);
      if (direction === 'page' && parsed.ackId !== null) link.commands.set(parsed.ackId, name);
    } else {
      name = (direction === 'server' && parsed.ackId !== null && link.commands.get(parsed.ackId)) || '(unknown ack)';
    }
    const at = Date.now();
    const batched = direction === 'server' && name === 'batch' ? (parsed.data[1] as { events?: unknown } | undefined)?.events : undefined;
    if (Array.isArray(batched)) {
      // A batched frame counts as the events it carries, so tests count events the same either way.
      counts.batches += 1;
      for (const event of batched) packets.push({ direction, type: 'event', name: String((event as { type?: unknown }).type), ackId: null, data: [(event as { type?: unknown }).type, event], at });
      return;
    }
    packets.push({ direction, type: parsed.type, name, ackId: parsed.ackId, data: parsed.data, at });
  };

  const closeLink = async (link: Link) => {
    if (!link.open) return;
    link.open = false;
    links.delete(link);
    await Promise.all([link.page.close(), link.server.close()]);
  };

  await page.route(/\/streaming\/\?.*transport=polling/, async (route) => {
    counts.pollingRequests += 1;
    await route.abort('connectionrefused');
  });

  await page.routeWebSocket(/\/streaming\//, async (ws) => {
    firstUrl ??= ws.url();
    counts.sockets += 1;
    if (cutting || offline || Date.now() < refuseUntil) {
      counts.refused += 1;
      // A real browser whose connection cannot be made fires `error`, then `close` (1006). Closing only the
      // page side of a route fires a bare `close` on a socket that never opened, which no network produces;
      // closing the server side while it is still connecting makes the browser fail it the real way. Nothing the page sends reaches the server; in
      // the unlikely case that the socket opened first, the server's Engine.IO handshake is passed on, so the
      // close reads as an ordinary drop.
      const server = ws.connectToServer();
      ws.onMessage(() => {});
      await server.close();
      return;
    }
    const link: Link = { page: ws, server: ws.connectToServer(), open: true, commands: new Map() };
    links.add(link);
    ws.onMessage((message) => {
      if (!link.open) return;
      record(link, 'page', message);
      link.server.send(message);
    });
    link.server.onMessage((message) => {
      if (!link.open) return;
      record(link, 'server', message);
      ws.send(message);
    });
    ws.onClose(() => void closeLink(link));
    link.server.onClose(() => void closeLink(link));
  });

  return {
    async cut(ms, during) {
      const started = Date.now();
      cutting = true;
      refuseUntil = started + ms;
      counts.cuts += 1;
      try {
        await Promise.all([...links].map(closeLink));
        await during?.();
        const left = refuseUntil - Date.now();
        if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
      } finally {
        cutting = false;
        refuseUntil = 0;
      }
    },
    sent: (name) => packets.filter((packet) => packet.direction === 'page' && packet.type === 'event' && packet.name === name).length,
    packets,
    acks: (name) => packets.filter((packet) => packet.direction === 'server' && packet.type === 'ack' && packet.name === name).map((packet) => packet.data[0]),
    counts,
    serverUrl() {
      const url = firstUrl ?? (process.env.VITE_PLATOS_MOCK_PORT ? `ws://127.0.0.1:${process.env.VITE_PLATOS_MOCK_PORT}/` : null);
      if (!url) throw new Error('No socket has been routed yet, and VITE_PLATOS_MOCK_PORT is not set');
      return new URL(url).origin.replace(/^ws/, 'http');
    },
    get isCut() {
      return cutting;
    },
    setOffline(value) {
      offline = value;
    },
  };
}
