import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryMessage, HistoryResponse } from '../../protocol/index.js';
import { expectAccessible } from '../../../test/support/expect-accessible.js';
import { createPlatosHarness, type PlatosHarness } from '../../../test/support/platos-test-harness.js';
import { ChatCustomizationProvider } from '../chat/chat-customization.js';
import { MessageList } from './message-list.js';
import type { MessageProps } from './message.js';
import { preloadLazyParts } from '../../../test/support/preload-lazy-parts.js';
import { messageListScrolling, overrideElementProperties } from '../../../test/support/override-element-properties.js';

const viewportHeight = 600;
const messageHeight = 80;

/** jsdom has no layout: give the scroller a viewport, each row a height, and make scrollTo scroll. */
function mockLayout() {
  return overrideElementProperties({
    clientHeight: {
      get(this: HTMLElement) {
        return this.classList.contains('platos-message-list-scroller') ? viewportHeight : 0;
      },
    },
    offsetHeight: {
      get(this: HTMLElement) {
        return this.classList.contains('platos-message-list-item') ? messageHeight : 0;
      },
    },
    ...messageListScrolling,
  });
}

function history(threadId: string, turns: number, firstTurn = 0): HistoryResponse {
  const messages: HistoryMessage[] = [];
  for (let turn = firstTurn; turn < firstTurn + turns; turn += 1) {
    const turnId = `turn-${turn}`;
    messages.push({ id: `user-${turn}`, role: 'user', turnId, text: `Question ${turn}` });
    messages.push({ id: `assistant-${turn}`, role: 'assistant', turnId, parts: [{ type: 'text', text: `Answer ${turn}` }], status: 'finished', finishReason: 'stop' });
  }
  return { threadId, messages, lastEventId: null };
}

function loadHistory(harness: PlatosHarness, response: HistoryResponse) {
  act(() => {
    harness.client.emit(harness.threadId, { kind: 'reset', history: response });
    harness.scheduler.runFrame();
  });
}

const scroller = () => screen.getByRole('log', { name: 'Messages' });
const renderedIds = () => screen.queryAllByRole('article').map((article) => article.textContent);
/** What a user's wheel does: a wheel event, then the scroll it causes, then the frame that shows it. */
const scrollTo = (harness: PlatosHarness, top: number) =>
  act(() => {
    fireEvent.wheel(scroller());
    scroller().scrollTop = top;
    fireEvent.scroll(scroller());
    harness.scheduler.runFrame();
  });

let restoreLayout = () => {};
beforeEach(() => {
  restoreLayout = mockLayout();
});

beforeAll(preloadLazyParts);
afterEach(() => {
  cleanup();
  restoreLayout();
});

describe('MessageList virtualization', () => {
  it('renders at most about 50 message elements for a 5,000 message thread, opening at the newest', async () => {
    const harness = createPlatosHarness();
    render(<MessageList />, { wrapper: harness.Wrapper });
    loadHistory(harness, history(harness.threadId, 2500));
    const articles = screen.getAllByRole('article');
    expect(articles.length).toBeGreaterThanOrEqual(viewportHeight / (messageHeight + 24));
    expect(articles.length).toBeLessThanOrEqual(50);
    expect(articles.at(-1)?.textContent).toContain('Answer 2499');
    expect(scroller().getAttribute('aria-live')).toBe('polite');
    await expectAccessible(document.body);
  });

  it('keeps every message in the DOM while the thread is short', () => {
    const harness = createPlatosHarness();
    render(<MessageList />, { wrapper: harness.Wrapper });
    loadHistory(harness, history(harness.threadId, 40));
    expect(screen.getAllByRole('article')).toHaveLength(80);
  });

  it('lets go of the end when the user scrolls up, and Jump to latest brings the newest back', async () => {
    const harness = createPlatosHarness();
    const { container } = render(<MessageList />, { wrapper: harness.Wrapper });
    loadHistory(harness, history(harness.threadId, 500));
    const root = container.querySelector('.platos-message-list');
    expect(root?.getAttribute('data-state')).toBe('pinned');
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();

    scrollTo(harness, 0);
    expect(root?.getAttribute('data-state')).toBe('released');
    expect(renderedIds()[0]).toBe('Question 0');
    expect(renderedIds().join()).not.toContain('Answer 499');

    // New messages while released do not pull the user down.
    harness.startTurn(500, 'Question 500');
    expect(scroller().scrollTop).toBe(0);
    expect(renderedIds()[0]).toBe('Question 0');

    await expectAccessible(container);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Jump to latest' }));
    });
    expect(root?.getAttribute('data-state')).toBe('pinned');
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
    expect(renderedIds().join()).toContain('Question 500');
    expect(document.activeElement).toBe(scroller());
  });

  it('keeps the first visible message in place when earlier history loads above it', () => {
    const harness = createPlatosHarness();
    render(<MessageList />, { wrapper: harness.Wrapper });
    loadHistory(harness, history(harness.threadId, 300, 200));
    scrollTo(harness, 5000);
    const anchorBefore = firstVisible();

    loadHistory(harness, history(harness.threadId, 500, 0));

    const anchorAfter = firstVisible();
    expect(anchorAfter.text).toBe(anchorBefore.text);
    expect(anchorAfter.offset).toBe(anchorBefore.offset);
    // The 400 earlier messages were never rendered, so they count at their estimated 120 px.
    expect(scroller().scrollTop).toBe(5000 + 400 * (120 + 24));
  });

  it('renders a replacement Message given through the customization context', () => {
    const harness = createPlatosHarness();
    const Plain = ({ id }: MessageProps) => <p data-testid="plain">{id}</p>;
    render(
      <ChatCustomizationProvider value={{ toolRenderers: {}, labels: { jumpToLatest: 'Zum Ende' }, components: { Message: Plain } }}>
        <MessageList />
      </ChatCustomizationProvider>,
      { wrapper: harness.Wrapper },
    );
    loadHistory(harness, history(harness.threadId, 2));
    expect(screen.getAllByTestId('plain').map((element) => element.textContent)).toEqual(['user-0', 'assistant-0', 'user-1', 'assistant-1']);
  });
});

/** The first row whose bottom is below the scroll position, and how far its top is from it. */
function firstVisible() {
  const top = scroller().scrollTop;
  const rows = [...document.querySelectorAll<HTMLElement>('.platos-message-list-item')].map((row) => ({
    text: row.textContent,
    start: Number(/translateY\(([-\d.]+)px\)/.exec(row.style.transform)?.[1]),
  }));
  const row = rows.sort((a, b) => a.start - b.start).find((candidate) => candidate.start + messageHeight > top);
  if (!row) throw new Error('no visible row');
  return { text: row.text, offset: row.start - top };
}
