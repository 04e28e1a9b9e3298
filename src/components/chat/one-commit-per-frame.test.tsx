import { Profiler } from 'react';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlatosStore } from '../../store/create-platos-store.js';
import { createManualScheduler } from '../../store/frame-scheduler.js';
import { createFakeClient } from '../../testing/index.js';
import { PlatosProvider } from '../../react/platos-provider.js';
import { useClientTool } from '../../react/use-client-tool.js';
import { createEventFactory } from '../../../test/support/event-factory.js';
import { preloadLazyParts } from '../../../test/support/preload-lazy-parts.js';
import { messageListScrolling, overrideElementProperties } from '../../../test/support/override-element-properties.js';
import { loadLowlight } from '../markdown/load-lowlight.js';
import { PlatosChat } from './platos-chat.js';

/** A ResizeObserver the test fires by hand, as a browser does after each layout. */
class FakeResizeObserver {
  static readonly all = new Set<FakeResizeObserver>();
  readonly targets = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.all.add(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
    FakeResizeObserver.all.delete(this);
  }
  static fireAll() {
    for (const observer of FakeResizeObserver.all) {
      const entries = [...observer.targets].map((target) => ({ target }) as unknown as ResizeObserverEntry);
      if (entries.length > 0) observer.callback(entries, observer as unknown as ResizeObserver);
    }
  }
}

/** jsdom has no layout: a row is as tall as its text is long, a scroller is 400 px high and scrolls. */
function mockLayout() {
  const restoreElements = overrideElementProperties({
    clientHeight: {
      get(this: HTMLElement) {
        return this.classList.contains('platos-message-list-scroller') ? 400 : 0;
      },
    },
    offsetHeight: {
      get(this: HTMLElement) {
        return this.classList.contains('platos-message-list-item') ? 40 + Math.ceil((this.textContent?.length ?? 0) / 4) : 0;
      },
    },
    ...messageListScrolling,
  });
  const ResizeObserverBefore = window.ResizeObserver;
  window.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
  return () => {
    restoreElements();
    window.ResizeObserver = ResizeObserverBefore;
    FakeResizeObserver.all.clear();
  };
}

const answer = [
  'Here is **the plan**, with `code` and a [link](https://example.com/plan):',
  '- read the filters on the page\n- count the words of each note\n- compare the two totals',
  '```ts\nconst total = notes.reduce((sum, note) => sum + note.words, 0);\nconsole.log(total);\n```',
  'The totals match when every note was read once. That is all.',
].join('\n\n');
/** The answer in tokens of 1 to 6 characters, as a model streams it. */
const tokens: string[] = [];
for (let start = 0, size = 1; start < answer.length; start += size, size = (size % 6) + 1) tokens.push(answer.slice(start, start + size));

function BrowserTool() {
  useClientTool({ name: 'read_filters', description: 'Reads the filters', parameters: { type: 'object' }, execute: () => ({ region: 'Europe' }) });
  return null;
}

beforeAll(async () => {
  await preloadLazyParts();
  // Highlighting starts when a code block completes; loaded here, it lands in the frame after the finish.
  await loadLowlight();
});
let restoreLayout = () => {};
beforeEach(() => {
  restoreLayout = mockLayout();
});
afterEach(() => {
  cleanup();
  restoreLayout();
  vi.useRealTimers();
});

describe('ten <PlatosChat> streaming on one page', () => {
  it('commit at most once per frame, whatever the tokens, measurements, scrolls and timers do, and not again after finish', { timeout: 60_000 }, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const client = createFakeClient();
    const scheduler = createManualScheduler();
    const store = createPlatosStore({ client, scheduler });
    const threadIds = Array.from({ length: 10 }, (_, index) => `thread-${index}`);
    let commits = 0;
    render(
      <Profiler id="page" onRender={() => (commits += 1)}>
        <PlatosProvider client={client} store={store}>
          <BrowserTool />
          {threadIds.map((threadId) => (
            <PlatosChat key={threadId} threadId={threadId} title={threadId} />
          ))}
        </PlatosProvider>
      </Profiler>,
    );
    act(() => scheduler.runFrame());
    const events = threadIds.map((threadId) => createEventFactory(threadId));
    const emit = (index: number, ...args: Parameters<(typeof events)[number]>) => client.emitEvent(events[index]!(...args));

    /**
     * One frame as a browser runs it: timers, then layout (resize observers) and the scrolls it causes, then the
     * store's frame with what arrived. Each source gets its own `act`, so React cannot batch a stray commit into
     * the frame's; returns the commits of the whole frame.
     */
    const runFrame = async (arrive: () => void) => {
      const before = commits;
      await act(async () => {
        vi.advanceTimersByTime(16);
      });
      act(() => FakeResizeObserver.fireAll());
      act(() => {
        for (const scroller of document.querySelectorAll('.platos-message-list-scroller')) scroller.dispatchEvent(new Event('scroll'));
      });
      act(() => {
        arrive();
        scheduler.runFrame();
      });
      return commits - before;
    };

    const perFrame: number[] = [];
    perFrame.push(
      await runFrame(() =>
        threadIds.forEach((threadId, index) => emit(index, 'turn-start', 'turn-1', { messageId: 'a1', userMessage: { id: 'u1', text: `Question ${threadId}` } })),
      ),
    );
    // Thread 0 also shows a browser tool, a background run and an artifact; the others only text.
    perFrame.push(
      await runFrame(() => {
        emit(0, 'tool-call-start', 'turn-1', { toolCallId: 'call-1', tool: 'read_filters' });
        emit(0, 'tool-call-args', 'turn-1', { toolCallId: 'call-1', delta: '{}' });
        emit(0, 'run-update', 'turn-1', { runId: 'run-1', label: 'Indexing', status: 'running', progress: 0.2 });
        emit(0, 'artifact-created', 'turn-1', { artifactId: 'art-1', kind: 'html', title: 'Preview', content: '<p>start</p>', version: 1 });
      }),
    );
    const answered = client.connections.invoke({ name: 'read_filters', args: {}, threadId: 'thread-0', toolCallId: 'call-1' });
    const sent = threadIds.map(() => 0);
    for (let frame = 0; sent.some((count) => count < tokens.length); frame += 1) {
      perFrame.push(
        await runFrame(() => {
          threadIds.forEach((_, index) => {
            // Each thread has its own pace, and thread 3 pauses for 12 frames (its text rests past the settle delay).
            if (index === 3 && frame >= 5 && frame < 17) return;
            const take = Math.min(tokens.length - sent[index]!, 1 + ((frame + index) % 5));
            for (let step = 0; step < take; step += 1) emit(index, 'text-delta', 'turn-1', { messageId: 'a1', delta: tokens[sent[index]!++]! });
          });
          if (frame === 4) emit(0, 'run-update', 'turn-1', { runId: 'run-1', label: 'Indexing', status: 'running', progress: 0.6 });
          if (frame === 6) emit(0, 'artifact-updated', 'turn-1', { artifactId: 'art-1', version: 2, delta: '<p>more</p>' });
        }),
      );
    }
    await act(async () => {
      await answered;
    });
    perFrame.push(
      await runFrame(() => {
        emit(0, 'tool-call-result', 'turn-1', { toolCallId: 'call-1', result: { region: 'Europe' } });
        emit(0, 'run-update', 'turn-1', { runId: 'run-1', label: 'Indexing', status: 'succeeded', progress: 1 });
        threadIds.forEach((_, index) => emit(index, 'finish', 'turn-1', { finishReason: 'stop' }));
      }),
    );
    // Once finished nothing renders again (the code block was highlighted when it completed, mid-stream).
    const afterFinish: number[] = [];
    for (let frame = 0; frame < 30; frame += 1) afterFinish.push(await runFrame(() => {}));

    expect(perFrame.length).toBeGreaterThan(40);
    expect(Math.max(...perFrame, ...afterFinish)).toBe(1);
    expect(afterFinish.reduce((sum, count) => sum + count, 0)).toBe(0);
    for (const threadId of threadIds) {
      const chat = screen.getByRole('region', { name: threadId });
      const messages = within(chat).getAllByRole('article');
      expect(messages.at(-1)?.getAttribute('data-state')).toBe('finished');
      expect(messages.at(-1)?.textContent).toContain('That is all.');
      const code = messages.at(-1)?.querySelector('code.language-ts');
      expect(code?.textContent).toContain('console.log(total);');
      expect(code?.getAttribute('data-highlight')).toBe('highlighted');
    }
  });
});
