import type { NetworkSignals } from '@platosdev/client';
import { storyAgent } from '../mock-agent/story-agent.js';

/** Long enough to outlast any story; `goOnline` ends it sooner. */
const OFFLINE_OUTAGE_MS = 10 * 60_000;

/** `online`/`offline` signals a story switches, for a client created with `network`. */
export interface StoryNetwork extends NetworkSignals {
  /** The browser says it is offline and the mock agent becomes unreachable: its sockets are cut, new ones refused. */
  goOffline(): void;
  /** The browser says it is online again and the mock agent takes connections again. */
  goOnline(): void;
}

/**
 * The browser's `offline` event alone never closes a WebSocket, so going offline here also cuts the mock agent's
 * sockets, as a real outage would.
 */
export function createStoryNetwork(): StoryNetwork {
  let online = true;
  const listeners = new Set<{ onOnline(): void; onOffline(): void }>();
  return {
    isOnline: () => online,
    subscribe(onOnline, onOffline) {
      const listener = { onOnline, onOffline };
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    goOffline() {
      online = false;
      storyAgent.cut(OFFLINE_OUTAGE_MS);
      for (const listener of [...listeners]) listener.onOffline();
    },
    goOnline() {
      online = true;
      storyAgent.restore();
      for (const listener of [...listeners]) listener.onOnline();
    },
  };
}
