import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shortTurnEvents } from '../../../test/support/event-factory.js';
import { createPlatosHarness } from '../../../test/support/platos-test-harness.js';
import { preloadLazyParts } from '../../../test/support/preload-lazy-parts.js';
import { applyEvent } from '../../store/view/apply-event.js';
import { createThreadView } from '../../store/view/create-thread-view.js';
import { createFakeStorage } from '../../testing/index.js';
import { ChatCustomizationProvider } from '../chat/chat-customization.js';
import { MessageList } from './message-list.js';

beforeAll(preloadLazyParts);

afterEach(cleanup);

function openFromSnapshot() {
  const storage = createFakeStorage();
  const view = shortTurnEvents('thread-1').reduce(applyEvent, createThreadView('thread-1'));
  storage.values.set('thread:thread-1', { view, savedAt: 1 });
  return createPlatosHarness('thread-1', { storage });
}

describe('MessageList showing a saved thread', () => {
  it('marks the list cached and says so quietly until the thread is live', async () => {
    const harness = openFromSnapshot();
    const { container } = render(<MessageList />, { wrapper: harness.Wrapper });
    await act(async () => {});

    const list = container.querySelector('.platos-message-list');
    expect(list?.getAttribute('data-cached')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('Showing saved messages; updating…');
    expect(screen.getAllByRole('article').map((article) => article.textContent)).toEqual(['hi', expect.stringContaining('Hello')]);

    act(() => {
      harness.client.emit('thread-1', { kind: 'sync', state: 'live' });
      harness.scheduler.runFrame();
    });
    expect(list?.hasAttribute('data-cached')).toBe(false);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('takes its text from the labels', async () => {
    const harness = openFromSnapshot();
    render(
      <ChatCustomizationProvider value={{ toolRenderers: {}, labels: { messageListCached: 'Gespeicherte Nachrichten' } }}>
        <MessageList />
      </ChatCustomizationProvider>,
      { wrapper: harness.Wrapper },
    );
    await act(async () => {});
    expect(screen.getByRole('status').textContent).toBe('Gespeicherte Nachrichten');
  });

  it('has no marker for a thread that was not saved', () => {
    const harness = createPlatosHarness();
    const { container } = render(<MessageList />, { wrapper: harness.Wrapper });
    expect(container.querySelector('.platos-message-list')?.hasAttribute('data-cached')).toBe(false);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
