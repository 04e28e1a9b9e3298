import { PlatosChat, PlatosProvider, useOwnedClient, useThreadActions } from '@platosdev/client/react';
import { MOCK_AGENT_TOKEN, MOCK_AGENT_URL } from '../mock-agent/mock-agent-config.js';
import { storyAgent } from '../mock-agent/story-agent.js';
import { ConnectionLog } from './connection-log.js';
import './docs-examples.css';

export interface NetworkCutDemoProps {
  threadId: string;
  /** How long the mock agent refuses connections after the cut. */
  cutMs: number;
}

/** A chat against the in-browser mock agent, with buttons to start a long turn and to cut the network under it. */
export function NetworkCutDemo({ threadId, cutMs }: NetworkCutDemoProps) {
  // The mock intercepts WebSockets only; long-polling would go to the network.
  const client = useOwnedClient({ url: MOCK_AGENT_URL, token: MOCK_AGENT_TOKEN, transports: ['websocket'] })!;
  return (
    <PlatosProvider client={client}>
      <div className="docs-example">
        <div className="docs-example-toolbar">
          <AskForLongAnswer threadId={threadId} />
          <button type="button" className="platos-button" data-variant="secondary" onClick={() => storyAgent.cut(cutMs)}>
            Cut the network for {cutMs / 1_000} s
          </button>
        </div>
        <ConnectionLog />
        <div style={{ height: 560 }}>
          <PlatosChat threadId={threadId} />
        </div>
      </div>
    </PlatosProvider>
  );
}

function AskForLongAnswer({ threadId }: { threadId: string }) {
  const { send } = useThreadActions({ threadId });
  return (
    <button type="button" className="platos-button" data-variant="primary" onClick={() => void send('long Explain event sourcing')}>
      Ask for a long answer
    </button>
  );
}
