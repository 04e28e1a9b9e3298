import type { ReactNode } from 'react';
import { act } from '@testing-library/react';
import type { ClientStorage } from '../../src/client/types.js';
import type { ServerEvent } from '../../src/protocol/index.js';
import { createWritablePlatosStore } from '../../src/store/create-platos-store.js';
import { createManualScheduler } from '../../src/store/frame-scheduler.js';
import { createEventFactory } from './event-factory.js';
import { createFakeClient } from '../../src/testing/index.js';
import { PlatosProvider } from '../../src/react/platos-provider.js';
import { PlatosThread } from '../../src/react/platos-thread.js';

/**
 * A fake client, a real store on a manual frame scheduler and a wrapper providing both with one
 * thread, for hook and component tests.
 */
export function createPlatosHarness(threadId = 'thread-1', options: { storage?: ClientStorage } = {}) {
  const client = createFakeClient(options);
  const scheduler = createManualScheduler();
  const { store, setState } = createWritablePlatosStore({ client, scheduler });
  const event = createEventFactory(threadId);

  function Wrapper({ children }: { children?: ReactNode }) {
    return (
      <PlatosProvider client={client} store={store}>
        <PlatosThread threadId={threadId}>{children}</PlatosThread>
      </PlatosProvider>
    );
  }

  /** Delivers the events and runs one frame, inside act. */
  function push(...events: ServerEvent[]) {
    act(() => {
      for (const item of events) client.emitEvent(item);
      scheduler.runFrame();
    });
  }

  /** Starts a turn: user message `user-{n}` and assistant message `assistant-{n}`. */
  function startTurn(turnNumber = 1, text = 'Hello') {
    const turnId = `turn-${turnNumber}`;
    push(
      event('turn-start', turnId, {
        messageId: `assistant-${turnNumber}`,
        userMessage: { id: `user-${turnNumber}`, text },
      }),
    );
    return turnId;
  }

  function finishTurn(turnId: string, finishReason: 'stop' | 'length' | 'cancelled' | 'error' = 'stop') {
    push(event('finish', turnId, { finishReason, usage: { inputTokens: 10, outputTokens: 5 }, durationMs: 1500 }));
  }

  return { client, scheduler, store, setState, event, threadId, Wrapper, push, startTurn, finishTurn };
}

export type PlatosHarness = ReturnType<typeof createPlatosHarness>;
