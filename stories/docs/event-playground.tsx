import { useEffect, useState } from 'react';
import { createPlatosStore } from '@platosdev/client';
import { Message, PlatosProvider, PlatosThread, useMessageIds } from '@platosdev/client/react';
import type { EventBody } from '../../mock-server/scenarios/index.js';
import { threadScript } from '../support/thread-script.js';
import { createPlayableClient } from './playable-client.js';
import './docs-examples.css';

export interface EventPlaygroundProps {
  threadId: string;
  /** The thread's events after its `turn-start`; the last one waits for the Play button. With none, the `turn-start` waits. */
  bodies: readonly EventBody[];
}

/** One protocol event, shown as the JSON the server sends next to the thread it renders into once played. */
export function EventPlayground({ threadId, bodies }: EventPlaygroundProps) {
  const [{ client, store, event, earlierCount }] = useState(() => {
    const events = threadScript(threadId, bodies, 'How do reconnects work?');
    const earlier = events.slice(0, -1);
    const playable = createPlayableClient(earlier);
    return { client: playable, store: createPlatosStore({ client: playable }), event: events[events.length - 1]!, earlierCount: earlier.length };
  });
  const [played, setPlayed] = useState(false);
  useEffect(() => () => store.destroy(), [store]);

  const play = () => {
    client.play(event);
    setPlayed(true);
  };

  return (
    <PlatosProvider client={client} store={store}>
      <PlatosThread threadId={threadId}>
        <div className="docs-example">
          <div className="docs-example-toolbar">
            <button type="button" className="platos-button" data-variant="primary" onClick={play} disabled={played}>
              {played ? `Played ${event.type}` : `Play ${event.type}`}
            </button>
            <p className="docs-example-note">
              {earlierCount === 0 ? 'The thread has no events yet.' : `The thread already holds ${earlierCount} earlier ${earlierCount === 1 ? 'event' : 'events'}.`}
            </p>
          </div>
          <div className="docs-example-columns">
            <figure className="docs-example-panel">
              <figcaption>{played ? 'The event, as the server sent it' : 'The next event from the server'}</figcaption>
              <pre className="docs-example-code" data-testid="event-json">
                {JSON.stringify(event, null, 2)}
              </pre>
            </figure>
            <figure className="docs-example-panel">
              <figcaption>What the kit renders</figcaption>
              <ThreadMessages />
            </figure>
          </div>
        </div>
      </PlatosThread>
    </PlatosProvider>
  );
}

function ThreadMessages() {
  const messageIds = useMessageIds();
  return (
    <div className="docs-example-thread">
      {messageIds.length === 0 ? <p className="docs-example-empty">No messages yet.</p> : messageIds.map((id) => <Message.Root key={id} id={id} />)}
    </div>
  );
}
