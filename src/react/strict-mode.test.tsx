import { act, cleanup, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosClient } from '../client/create-platos-client.js';
import { createEventFactory } from '../../test/support/event-factory.js';
import { createFakeSocket } from '../../test/support/fake-socket.js';
import { PlatosProvider } from './platos-provider.js';
import { usePlatosStream } from './use-platos-stream.js';

afterEach(cleanup);

function Transcript() {
  const { messages } = usePlatosStream({ threadId: 't1' });
  return (
    <output>
      {messages.map((message) => (message.role === 'assistant' ? message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('') : message.text)).join('|')}
    </output>
  );
}

describe('React StrictMode', () => {
  it('subscribes once and shows each token once, though effects run twice', async () => {
    const fake = createFakeSocket();
    fake.respond = () => ({ ok: true, resumed: false, lastEventId: null });
    const client = createPlatosClient({ url: 'http://127.0.0.1:4000', token: 't', socketFactory: fake.factory, network: null, liveness: false });
    fake.serverConnect();
    const { container } = render(
      <StrictMode>
        <PlatosProvider client={client}>
          <Transcript />
        </PlatosProvider>
      </StrictMode>,
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const event = createEventFactory('t1');
    await act(async () => {
      fake.serverEmit('turn-start', event('turn-start', 'turn-1', { messageId: 'a1', userMessage: { id: 'u1', text: 'Hi' } }));
      for (const delta of ['Hel', 'lo', '!']) fake.serverEmit('text-delta', event('text-delta', 'turn-1', { messageId: 'a1', delta }));
      await new Promise((resolve) => setTimeout(resolve, 150));
    });
    expect(fake.commands.filter((command) => command.name === 'thread:subscribe')).toHaveLength(1);
    expect(fake.commands.filter((command) => command.name === 'thread:unsubscribe')).toHaveLength(0);
    expect(container.textContent).toBe('Hi|Hello!');
    client.close();
  });
});
