import { useEffect, useState } from 'react';
import { createPlatosClient, type PlatosClient, type PlatosClientOptions } from '@platosdev/client';
import { MOCK_AGENT_TOKEN, MOCK_AGENT_URL } from '../mock-agent/mock-agent-config.js';

export type StoryClientOptions = Partial<Omit<PlatosClientOptions, 'url'>>;

/**
 * A client of the in-browser mock agent made once per mounted story with `options` as they were on mount, for
 * options `useOwnedClient` cannot take (fake network signals, timeouts); closed on unmount.
 */
export function useStoryClient(options: StoryClientOptions = {}): PlatosClient {
  // The mock intercepts WebSockets only; long-polling would go to the network.
  // Stories stay independent of each other and of earlier visits: nothing stored, no socket shared between them.
  const [client] = useState(() =>
    createPlatosClient({ token: MOCK_AGENT_TOKEN, transports: ['websocket'], persist: false, sharedConnection: false, ...options, url: MOCK_AGENT_URL }),
  );
  useEffect(() => () => client.close(), [client]);
  return client;
}
