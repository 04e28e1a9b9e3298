import { StrictMode } from 'react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlatosClientOptions } from '../../client/client-options.js';
import { createFakeClient, type FakeClient } from '../../testing/index.js';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { PlatosProvider } from '../../react/platos-provider.js';
import { PlatosChat } from './platos-chat.js';
import type { ChatComponents, ToolRendererProps } from './chat-customization.js';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { preloadLazyParts } from '../../../test/support/preload-lazy-parts.js';

const created: { options: PlatosClientOptions; client: FakeClient }[] = [];

beforeAll(preloadLazyParts);

vi.mock('../../client/create-platos-client.js', () => ({
  createPlatosClient: (options: PlatosClientOptions) => {
    const client = createFakeClient({ agentId: options.agentId });
    created.push({ options, client });
    return client;
  },
}));

const nextTick = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

afterEach(cleanup);
beforeEach(() => {
  created.length = 0;
});

describe('PlatosChat', () => {
  it('uses the surrounding provider and puts header, log and composer together', async () => {
    const { client, store, scheduler, event } = createPlatosHarness();
    render(
      <StrictMode>
        <PlatosProvider client={client} store={store}>
          <PlatosChat threadId="thread-1" title="Support" className="wide" />
        </PlatosProvider>
      </StrictMode>,
    );
    await nextTick();
    expect(client.watcherCount('thread-1')).toBe(1);
    const chat = screen.getByRole('region', { name: 'Support' });
    expect(chat.className).toBe('platos-chat wide');
    expect(screen.getByRole('heading', { name: 'Support' })).toBeTruthy();
    expect(screen.getByRole('log', { name: 'Messages' })).toBeTruthy();
    expect(screen.getByText('Ask anything to get started.')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Hi' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    });
    const send = client.calls[0];
    expect(send).toMatchObject({ command: 'send', threadId: 'thread-1', text: 'Hi' });
    act(() => {
      client.emitEvent(
        event('turn-start', 'turn-1', {
          messageId: 'assistant-1',
          userMessage: { id: 'user-1', text: 'Hi', clientMessageId: send?.command === 'send' ? send.clientMessageId : '' },
        }),
      );
      client.emitEvent(event('text-delta', 'turn-1', { messageId: 'assistant-1', delta: 'Hello!' }));
      scheduler.runFrame();
    });
    expect(screen.getAllByRole('article').map((article) => article.textContent)).toEqual(['Hi', expect.stringContaining('Hello!')]);
    expect(created).toHaveLength(0);
  });

  it('takes a client prop outside a provider', async () => {
    const client = createFakeClient();
    render(<PlatosChat threadId="thread-2" client={client} />);
    await nextTick();
    expect(client.watcherCount('thread-2')).toBe(1);
    expect(screen.getByRole('region', { name: 'Assistant' })).toBeTruthy();
  });

  it('creates and later closes its own client from url and token', async () => {
    const { unmount } = render(
      <StrictMode>
        <PlatosChat threadId="thread-3" url="http://127.0.0.1:4000" token="secret" agentId="helper" />
      </StrictMode>,
    );
    await nextTick();
    expect(created).toHaveLength(1);
    expect(created[0]?.options).toEqual({ url: 'http://127.0.0.1:4000', token: 'secret', agentId: 'helper' });
    expect(created[0]?.client.watcherCount('thread-3')).toBe(1);
    unmount();
    await nextTick();
    expect(created[0]?.client.connection.getState()).toBe('closed');
  });

  it('explains what it needs when there is no client at all', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<PlatosChat threadId="t" url="http://x" />)).toThrow(/PlatosChat needs a client/);
    vi.restoreAllMocks();
  });

  it('replaces parts through components, renders tools through toolRenderers and shows labels', async () => {
    const harness = createPlatosHarness();
    const SearchCard = ({ toolCall }: ToolRendererProps) => <p data-testid="search">Searching {toolCall.argsText}</p>;
    const components: ChatComponents = {
      EmptyState: () => <p>Nothing yet</p>,
      ConnectionStatus: () => <span data-testid="status">custom status</span>,
      ErrorBanner: () => null,
      Composer: () => <div data-testid="composer">custom composer</div>,
      parts: { text: ({ part }) => <p data-testid="plain-text">{part.text}</p> },
    };
    render(
      <PlatosProvider client={harness.client} store={harness.store}>
        <PlatosChat
          threadId="thread-1"
          components={components}
          toolRenderers={{ search: SearchCard }}
          labels={{ chatTitle: 'Hilfe', messageListLabel: 'Nachrichten' }}
          data-testid="chat"
        />
      </PlatosProvider>,
    );
    await nextTick();
    expect(screen.getByRole('region', { name: 'Hilfe' })).toBe(screen.getByTestId('chat'));
    expect(screen.getByRole('log', { name: 'Nachrichten' })).toBeTruthy();
    expect(screen.getByText('Nothing yet')).toBeTruthy();
    expect(screen.getByTestId('status').textContent).toBe('custom status');
    expect(screen.getByTestId('composer')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();

    const turnId = harness.startTurn();
    harness.push(
      harness.event('text-delta', turnId, { messageId: 'assistant-1', delta: '**plain**' }),
      harness.event('tool-call-start', turnId, { toolCallId: 'call-1', tool: 'search' }),
    );
    expect(screen.getByTestId('plain-text').textContent).toBe('**plain**');
    expect(screen.getByTestId('search').textContent).toContain('Searching');
    await expectAccessible(screen.getByTestId('chat'));
  });

  it('has no axe violations with messages in it', async () => {
    const harness = createPlatosHarness();
    render(
      <PlatosProvider client={harness.client} store={harness.store}>
        <PlatosChat threadId="thread-1" />
      </PlatosProvider>,
    );
    await nextTick();
    const turnId = harness.startTurn();
    harness.push(harness.event('text-delta', turnId, { messageId: 'assistant-1', delta: 'Hello' }));
    await expectAccessible(screen.getByRole('region', { name: 'Assistant' }));
    harness.finishTurn(turnId);
    await expectAccessible(screen.getByRole('region', { name: 'Assistant' }));
  });
});
