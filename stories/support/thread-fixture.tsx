import { useEffect, useState, type ReactNode } from 'react';
import { createPlatosStore } from '@platosdev/client';
import { PlatosProvider, PlatosThread } from '@platosdev/client/react';
import type { Decorator } from '@storybook/react-vite';
import type { EventBody } from '../../mock-server/scenarios/index.js';
import { createScriptedClient } from './scripted-client.js';
import { threadScript } from './thread-script.js';

export interface ThreadFixtureProps {
  threadId: string;
  /** What the thread's one turn saw, without envelopes. */
  events: readonly EventBody[];
  /** The user's message that began the turn. @default threadScript's */
  userText?: string;
  children?: ReactNode;
}

/** A store over a scripted client whose thread already holds `events`; the children read that thread. */
export function ThreadFixture({ threadId, events, userText, children }: ThreadFixtureProps) {
  const [{ client, store }] = useState(() => {
    const scripted = createScriptedClient(threadScript(threadId, events, userText));
    return { client: scripted, store: createPlatosStore({ client: scripted }) };
  });
  useEffect(() => () => store.destroy(), [store]);
  return (
    <PlatosProvider client={client} store={store}>
      <PlatosThread threadId={threadId}>{children}</PlatosThread>
    </PlatosProvider>
  );
}

/** Renders the story inside a ThreadFixture, one thread per story. */
export function withThreadEvents(events: readonly EventBody[], options: { userText?: string } = {}): Decorator {
  return (Story, context) => (
    <ThreadFixture threadId={context.id} events={events} userText={options.userText}>
      <div style={{ maxWidth: 640 }}>
        <Story />
      </div>
    </ThreadFixture>
  );
}
