import { Profiler, type ReactNode } from 'react';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../protocol/index.js';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { Message } from './message.js';
import { MessageList } from './message-list.js';
import { preloadLazyParts } from '../../../test/support/preload-lazy-parts.js';

beforeAll(preloadLazyParts);

afterEach(cleanup);

function commitCounter() {
  const commits: Record<string, number> = {};
  const onRender = (id: string) => {
    commits[id] = (commits[id] ?? 0) + 1;
  };
  const Counted = ({ id, children }: { id: string; children: ReactNode }) => (
    <Profiler id={id} onRender={onRender}>
      {children}
    </Profiler>
  );
  return { commits, Counted };
}

describe('MessageList', () => {
  it('is a polite live log of the messages in order', () => {
    const { Wrapper, startTurn, push, event } = createPlatosHarness();
    render(<MessageList />, { wrapper: Wrapper });
    const log = screen.getByRole('log', { name: 'Messages' });
    expect(log.getAttribute('aria-live')).toBe('polite');
    const turnId = startTurn(1, 'What is 2 + 2?');
    push(event('text-delta', turnId, { messageId: 'assistant-1', delta: 'It is **4**.' }));
    const articles = screen.getAllByRole('article');
    expect(articles.map((article) => article.getAttribute('data-role'))).toEqual(['user', 'assistant']);
    expect(articles[0]?.textContent).toBe('What is 2 + 2?');
    expect(articles[1]?.querySelector('strong')?.textContent).toBe('4');
  });

  it('commits the message exactly once for 1,000 text deltas that arrive within one frame', () => {
    const { Wrapper, startTurn, client, scheduler, store, event } = createPlatosHarness();
    const { commits, Counted } = commitCounter();
    render(
      <Counted id="list">
        <MessageList />
      </Counted>,
      { wrapper: Wrapper },
    );
    const turnId = startTurn();
    const commitsBefore = commits.list ?? 0;
    let storeUpdates = 0;
    const unsubscribe = store.subscribe(() => {
      storeUpdates += 1;
    });

    act(() => {
      for (let index = 0; index < 1000; index += 1) {
        client.emitEvent(event('text-delta', turnId, { messageId: 'assistant-1', delta: 'x' }) as ServerEvent);
      }
    });
    expect((commits.list ?? 0) - commitsBefore).toBe(0);
    expect(scheduler.pending()).toBe(1);

    act(() => scheduler.runFrame());
    unsubscribe();

    expect(storeUpdates).toBe(1);
    expect((commits.list ?? 0) - commitsBefore).toBe(1);
    const assistant = screen.getAllByRole('article')[1];
    expect(assistant?.textContent).toContain('x'.repeat(1000));
  });

  it('re-renders only the message a token belongs to, not its siblings', () => {
    const { Wrapper, startTurn, finishTurn, push, event } = createPlatosHarness();
    const { commits, Counted } = commitCounter();
    const ids = ['user-1', 'assistant-1', 'user-2', 'assistant-2'];
    render(
      <>
        {ids.map((id) => (
          <Counted key={id} id={id}>
            <Message id={id} />
          </Counted>
        ))}
      </>,
      { wrapper: Wrapper },
    );
    finishTurn(startTurn(1));
    const turnId = startTurn(2);
    const before = { ...commits };

    push(event('text-delta', turnId, { messageId: 'assistant-2', delta: 'token' }));

    const delta = Object.fromEntries(ids.map((id) => [id, (commits[id] ?? 0) - (before[id] ?? 0)]));
    expect(delta).toEqual({ 'user-1': 0, 'assistant-1': 0, 'user-2': 0, 'assistant-2': 1 });
  });

  it('shows pending messages as sending, then failed with a retry that re-sends', async () => {
    const { Wrapper, client, store } = createPlatosHarness();
    render(<MessageList />, { wrapper: Wrapper });
    let rejectSend: (error: Error) => void = () => {};
    client.reply = () =>
      new Promise((_, reject) => {
        rejectSend = reject;
      });
    let sending: Promise<unknown> = Promise.resolve();
    act(() => {
      sending = store.send('thread-1', 'Draft text');
    });
    expect(screen.getByRole('article').getAttribute('data-state')).toBe('sending');
    expect(screen.getByText('Sending…')).toBeTruthy();

    await act(async () => {
      rejectSend(new Error('Network down'));
      await sending;
    });
    expect(screen.getByRole('article').getAttribute('data-state')).toBe('failed');
    expect(screen.getByRole('alert').textContent).toContain('Network down');

    client.reply = async () => ({ turnId: 'turn-7' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    });
    const sends = client.calls.filter((call) => call.command === 'send');
    expect(sends).toHaveLength(2);
    expect(sends[0]).toEqual(sends[1]);
  });

  it('shows the empty state only while there is nothing to show', () => {
    const { Wrapper, startTurn } = createPlatosHarness();
    render(<MessageList emptyState="Say hi" />, { wrapper: Wrapper });
    expect(screen.getByText('Say hi')).toBeTruthy();
    startTurn();
    expect(screen.queryByText('Say hi')).toBeNull();
  });
});
