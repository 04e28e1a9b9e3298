import { useEffect, useState, type ReactNode } from 'react';
import { createPlatosStore } from '@platosdev/client';
import { PlatosProvider } from '@platosdev/client/react';
import type { EventBody } from '../../mock-server/scenarios/index.js';
import { createScriptedClient } from '../support/scripted-client.js';
import { threadScript } from '../support/thread-script.js';

export interface ScriptedThreadProps {
  threadId: string;
  /** The user's message that started the thread's one turn. */
  userText: string;
  /** What the turn saw after its `turn-start`. */
  events: readonly EventBody[];
  children?: ReactNode;
}

/** A provider over an in-memory client whose thread already holds one turn; the children show that thread. */
export function ScriptedThread({ threadId, userText, events, children }: ScriptedThreadProps) {
  const [{ client, store }] = useState(() => {
    const scripted = createScriptedClient(threadScript(threadId, events, userText));
    return { client: scripted, store: createPlatosStore({ client: scripted }) };
  });
  useEffect(() => () => store.destroy(), [store]);
  return (
    <PlatosProvider client={client} store={store}>
      {children}
    </PlatosProvider>
  );
}
