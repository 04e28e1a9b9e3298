import { PlatosChat, useOwnedClient } from '@platosdev/client/react';
import { MOCK_AGENT_TOKEN, MOCK_AGENT_URL } from '../mock-agent/mock-agent-config.js';

export interface MockAgentChatProps {
  threadId: string;
  /** @default 'Assistant' */
  title?: string;
  /** Colour scheme of the chat; unset follows the system. */
  theme?: 'light' | 'dark';
  /** @default the token the mock agent accepts */
  token?: string;
}

/** A PlatosChat with its own client, connected to the in-browser mock agent. */
export function MockAgentChat({ threadId, title, theme, token = MOCK_AGENT_TOKEN }: MockAgentChatProps) {
  // The mock intercepts WebSockets only; long-polling would go to the network.
  const client = useOwnedClient({ url: MOCK_AGENT_URL, token, transports: ['websocket'] })!;
  return (
    <div data-theme={theme} style={{ height: 640, maxWidth: 760, colorScheme: theme }}>
      <PlatosChat client={client} threadId={threadId} {...(title === undefined ? {} : { title })} />
    </div>
  );
}
