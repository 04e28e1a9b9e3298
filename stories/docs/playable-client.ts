import type { ThreadListener } from '@platosdev/client';
import type { ServerEvent } from '../../src/protocol/index.js';
import { createScriptedClient, type ScriptedClient } from '../support/scripted-client.js';

export interface PlayableClient extends ScriptedClient {
  /** Delivers `event` to the watchers of its thread, as if the server had just sent it. */
  play(event: ServerEvent): void;
}

/** A scripted client whose threads start with `events` and take more, one `play` at a time. */
export function createPlayableClient(events: readonly ServerEvent[]): PlayableClient {
  const scripted = createScriptedClient(events);
  const watchers = new Set<{ threadId: string; listener: ThreadListener }>();
  const played: ServerEvent[] = [];

  return {
    ...scripted,
    threads: {
      ...scripted.threads,
      watch(threadId, listener) {
        const watcher = { threadId, listener };
        watchers.add(watcher);
        const stopScripted = scripted.threads.watch(threadId, listener);
        return () => {
          watchers.delete(watcher);
          stopScripted();
        };
      },
      lastEventId: (threadId) => played.findLast((event) => event.threadId === threadId)?.id ?? scripted.threads.lastEventId(threadId),
    },
    play(event) {
      played.push(event);
      for (const watcher of watchers) if (watcher.threadId === event.threadId) watcher.listener({ kind: 'event', event });
    },
  };
}
