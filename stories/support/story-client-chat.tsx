import { useState, type ReactNode } from 'react';
import { PlatosChat, PlatosProvider, PlatosThread } from '@platosdev/client/react';
import { useStoryClient, type StoryClientOptions } from './story-client.js';
import { createStoryNetwork, type StoryNetwork } from './story-network.js';

export interface StoryClientChatProps {
  threadId: string;
  /** @default 'Assistant' */
  title?: string;
  /** Read once, when the story mounts. */
  clientOptions?: StoryClientOptions;
  /** Shows a "Simulate offline" switch; the client then hears `online`/`offline` from it instead of the browser. */
  offlineSwitch?: boolean;
  /** Shown above the chat, inside its provider and thread (e.g. buttons that use the thread's actions). */
  toolbar?: ReactNode;
  /** @default 640 */
  height?: number;
}

/** A PlatosChat against the in-browser mock agent, with a client made from `clientOptions`. */
export function StoryClientChat({ threadId, title = 'Assistant', clientOptions, offlineSwitch = false, toolbar, height = 640 }: StoryClientChatProps) {
  const [network] = useState(createStoryNetwork);
  const client = useStoryClient({ ...clientOptions, ...(offlineSwitch ? { network } : {}) });
  return (
    <PlatosProvider client={client}>
      {offlineSwitch || toolbar ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
          {offlineSwitch ? <OfflineSwitch network={network} /> : null}
          <PlatosThread threadId={threadId}>{toolbar}</PlatosThread>
        </div>
      ) : null}
      <div style={{ height, maxWidth: 760 }}>
        <PlatosChat threadId={threadId} title={title} />
      </div>
    </PlatosProvider>
  );
}

function OfflineSwitch({ network }: { network: StoryNetwork }) {
  const [offline, setOffline] = useState(false);
  const toggle = () => {
    if (offline) network.goOnline();
    else network.goOffline();
    setOffline(!offline);
  };
  return (
    <button type="button" className="platos-button" data-variant="secondary" aria-pressed={offline} onClick={toggle}>
      Simulate offline
    </button>
  );
}
