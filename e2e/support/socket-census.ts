import type { Page, WebSocketRoute } from '@playwright/test';
import { parseSocketIoFrame } from './socket-cut.js';

/** One Socket.IO WebSocket a page opened, as the census saw it. */
export interface CensusSocket {
  /** The label the page was attached with. */
  tab: string;
  /** The namespace of its Socket.IO CONNECT packet: `/` is the default agent's chat, `/connections` the gateway; `null` until it connects one. */
  namespace: string | null;
  openedAt: number;
  closedAt: number | null;
  /** Socket.IO events and acknowledgements, both ways, in order. */
  packets: { direction: 'page' | 'server'; type: 'event' | 'ack'; name: string; data: unknown[]; at: number }[];
}

export const CHAT_NAMESPACE = '/';
export const GATEWAY_NAMESPACE = '/connections';

export interface SocketCensus {
  /** Routes the page's Socket.IO WebSockets through the census. Call before `page.goto`. */
  attach(page: Page, tab: string): Promise<void>;
  readonly sockets: readonly CensusSocket[];
  /** Sockets of a namespace, optionally only those still open. */
  of(namespace: string, options?: { open?: boolean }): CensusSocket[];
  /** Events the pages sent with this name, over every socket of every tab. */
  sent(name: string): { tab: string; data: unknown }[];
  /** Frames from now on wait in both directions, so no server answer can reach a page; `release` delivers them in order. */
  hold(): void;
  /** Holds, as `hold` does, from the first server frame (raw text) that `matches` (that frame included); resolves then. */
  holdWhenServerSends(matches: (frame: string) => boolean): Promise<void>;
  release(): void;
  /** Frames that reached a page from the server since the census began. */
  readonly serverFrames: number;
  /** Polling requests refused (every packet has to travel over a counted WebSocket). */
  readonly pollingRequests: number;
}

const frameText = (message: string | Buffer) => (typeof message === 'string' ? message : message.toString('utf8'));

/** The namespace of a Socket.IO CONNECT packet (`40`, `40{auth}`, `40/connections,{auth}`), else undefined. */
export function connectNamespace(frame: string): string | undefined {
  const match = /^40(\/[^,]*)?(?:,|\{|$)/.exec(frame);
  return match ? (match[1] ?? '/') : undefined;
}

/**
 * Counts the Socket.IO WebSockets of several pages (tabs) by namespace and can hold their frames, passing everything
 * else through to the real server untouched. Unlike `routeSockets` it never cuts; it answers "how many sockets, to
 * which namespace, from which tab".
 */
export function socketCensus(): SocketCensus {
  const sockets: CensusSocket[] = [];
  let held = false;
  let trigger: { matches: (frame: string) => boolean; fire: () => void } | null = null;
  const waiting: (() => void)[] = [];
  let serverFrames = 0;
  let pollingRequests = 0;

  const pass = (deliver: () => void) => (held ? waiting.push(deliver) : deliver());

  const route = (tab: string) => (ws: WebSocketRoute) => {
    const entry: CensusSocket = { tab, namespace: null, openedAt: Date.now(), closedAt: null, packets: [] };
    sockets.push(entry);
    const server = ws.connectToServer();
    const record = (direction: 'page' | 'server', message: string | Buffer) => {
      const text = frameText(message);
      if (direction === 'page') entry.namespace ??= connectNamespace(text) ?? null;
      const parsed = parseSocketIoFrame(text);
      if (parsed) entry.packets.push({ direction, type: parsed.type, name: String(parsed.data[0]), data: parsed.data, at: Date.now() });
    };
    ws.onMessage((message) => {
      record('page', message);
      pass(() => server.send(message));
    });
    server.onMessage((message) => {
      if (trigger?.matches(frameText(message))) {
        held = true;
        trigger.fire();
        trigger = null;
      }
      pass(() => {
        serverFrames += 1;
        record('server', message);
        ws.send(message);
      });
    });
    const closed = () => {
      entry.closedAt ??= Date.now();
    };
    ws.onClose(() => {
      closed();
      void server.close();
    });
    server.onClose(() => {
      closed();
      void ws.close();
    });
  };

  return {
    async attach(page, tab) {
      await page.route(/\/streaming\/\?.*transport=polling/, async (polling) => {
        pollingRequests += 1;
        await polling.abort('connectionrefused');
      });
      await page.routeWebSocket(/\/streaming\//, route(tab));
      // A closed page's sockets are gone even if no close frame was routed.
      page.once('close', () => {
        const now = Date.now();
        for (const entry of sockets) if (entry.tab === tab) entry.closedAt ??= now;
      });
    },
    sockets,
    of: (namespace, options) =>
      sockets.filter((entry) => entry.namespace === namespace && (options?.open === undefined || (entry.closedAt === null) === options.open)),
    sent: (name) =>
      sockets.flatMap((entry) =>
        entry.packets.filter((packet) => packet.direction === 'page' && packet.type === 'event' && packet.name === name).map((packet) => ({ tab: entry.tab, data: packet.data[1] })),
      ),
    hold() {
      held = true;
    },
    holdWhenServerSends(matches) {
      return new Promise((resolve) => {
        trigger = { matches, fire: resolve };
      });
    },
    release() {
      held = false;
      for (const deliver of waiting.splice(0)) deliver();
    },
    get serverFrames() {
      return serverFrames;
    },
    get pollingRequests() {
      return pollingRequests;
    },
  };
}
