import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventFactory, shortTurnEvents } from '../../test/support/event-factory.js';
import { createManualScheduler, createPlatosStore, readEvents, type PlatosStoreOptions, type ServerEvent } from '../index.js';
import { PlatosProvider } from '../react-entry.js';
import { applyEvent } from '../store/view/apply-event.js';
import { viewToHistory } from '../store/view/history.js';
import { createFakeClient } from '../testing/index.js';
import { PlatosDevtools } from '../devtools-entry.js';

afterEach(cleanup);

function setup(storeOptions: Omit<PlatosStoreOptions, 'client' | 'scheduler'> = {}) {
  const client = createFakeClient();
  const scheduler = createManualScheduler();
  const store = createPlatosStore({ client, scheduler, ...storeOptions });
  const stopWatching = store.watchThread('t1');
  /** Each batch is one frame: consecutive deltas of one message in it are merged into one log entry. */
  const play = (...frames: ServerEvent[][]) => {
    for (const frame of frames) {
      act(() => {
        for (const event of frame) client.emitEvent(event);
        scheduler.runFrame();
      });
    }
  };
  const view = () =>
    render(
      <PlatosProvider client={client} store={store}>
        <PlatosDevtools defaultOpen />
      </PlatosProvider>,
    );
  return { client, store, scheduler, play, view, stopWatching, thread: () => store.getState().threads['t1']! };
}

const eventList = () => screen.getByRole('listbox', { name: 'Events' });
const rows = () => within(eventList()).queryAllByRole('option');
const rowTypes = () => rows().map((row) => row.dataset['type']);
const textLength = (name: string) => Number(screen.getByRole('region', { name }).dataset['textLength']);

describe('the events section', () => {
  it('lists each applied event with its time, type, seq and summary, and shows the raw JSON of the selected one', () => {
    const { play, view } = setup();
    const events = shortTurnEvents('t1');
    play(...events.map((event) => [event]));
    view();
    expect(rowTypes()).toEqual(['turn-start', 'text-delta', 'text-delta', 'finish']);
    const finish = rows()[3]!;
    expect(finish.textContent).toMatch(/^\d\d:\d\d:\d\d\.\d{3}finish#4stop 1→2 tokens 5 ms$/);
    // Following the newest: the last event is selected.
    expect(finish.getAttribute('aria-selected')).toBe('true');

    fireEvent.click(rows()[1]!);
    expect(rows()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(JSON.parse(screen.getByRole('group', { name: 'Event JSON' }).textContent!)).toEqual(events[1]);
    fireEvent.keyDown(eventList(), { key: 'ArrowDown' });
    expect(JSON.parse(screen.getByRole('group', { name: 'Event JSON' }).textContent!)).toEqual(events[2]);
    expect(eventList().getAttribute('aria-activedescendant')).toBe(rows()[2]!.id);
    fireEvent.keyDown(eventList(), { key: 'Home' });
    expect(JSON.parse(screen.getByRole('group', { name: 'Event JSON' }).textContent!)).toEqual(events[0]);
  });

  it('filters by type and by text', () => {
    const { play, view } = setup();
    play(...shortTurnEvents('t1').map((event) => [event]));
    view();
    fireEvent.click(screen.getByLabelText('text-delta'));
    expect(rowTypes()).toEqual(['turn-start', 'finish']);
    expect(screen.getByText('2 of 4 events')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter events by text' }), { target: { value: 'STOP' } });
    expect(rowTypes()).toEqual(['finish']);
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter events by text' }), { target: { value: '"lo"' } });
    expect(rowTypes()).toEqual(['text-delta']);
    fireEvent.click(screen.getByRole('button', { name: 'None' }));
    expect(rows()).toHaveLength(0);
  });

  it('keeps at most a few dozen rows in the DOM with 100,000 events, and adds new ones at the end', () => {
    const { play, view, thread } = setup({ eventLogLimit: 100_000 });
    const event = createEventFactory('t1');
    // Deltas of two messages in turn, so that none are merged: 100,000 log entries.
    const many = Array.from({ length: 100_000 }, (_, index) => event('text-delta', 'turn-1', { messageId: `m${index % 2}`, delta: 'x' }));
    play(many);
    expect(thread().eventLog.size).toBe(100_000);
    view();
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThanOrEqual(40);
    expect(rows().at(-1)!.getAttribute('aria-posinset')).toBe('100000');
    expect(screen.getByText('100,000 events')).toBeTruthy();
    play([event('finish', 'turn-1', { finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 1 })]);
    expect(rows().length).toBeLessThanOrEqual(40);
    expect(rows().at(-1)!.dataset['type']).toBe('finish');
  });
});

describe('the time travel section', () => {
  it('shows the thread as of the selected event beside the live view, without touching the store', () => {
    const { play, view, store } = setup();
    play(...shortTurnEvents('t1').map((event) => [event]));
    const liveBefore = store.getState().threads['t1']!.view;
    view();
    fireEvent.click(screen.getByRole('tab', { name: 'Time travel' }));
    const scrubber = screen.getByRole('slider', { name: 'Event to show the thread as of' });
    expect(scrubber.getAttribute('aria-valuetext')).toMatch(/^Event 4 of 4: finish #4/);
    expect(textLength('View as of the selected event')).toBe(5);
    expect(textLength('Live view')).toBe(5);

    fireEvent.change(scrubber, { target: { value: '1' } });
    expect(scrubber.getAttribute('aria-valuetext')).toMatch(/^Event 2 of 4: text-delta #2/);
    expect(textLength('View as of the selected event')).toBe(3);
    expect(within(screen.getByRole('region', { name: 'View as of the selected event' })).getByText('Hel')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Step back' }));
    expect(textLength('View as of the selected event')).toBe(0);
    expect(screen.getByRole('region', { name: 'View as of the selected event' }).dataset['messageCount']).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: 'Step forward' }));
    fireEvent.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(textLength('View as of the selected event')).toBe(5);
    expect(textLength('Live view')).toBe(5);
    expect(store.getState().threads['t1']!.view).toBe(liveBefore);
  });

  it('says plainly when entries were dropped, how to keep more, and turns time travel off', () => {
    const { play, view } = setup({ eventLogLimit: 3 });
    play(...shortTurnEvents('t1').map((event) => [event]));
    view();
    expect(screen.getByRole('note').textContent).toMatch(/its first event was dropped \(eventLogLimit is 3\).*<PlatosProvider eventLogLimit=\{8\}>/);
    fireEvent.click(screen.getByRole('tab', { name: 'Time travel' }));
    expect(screen.queryByRole('slider')).toBeNull();
    expect(screen.getByRole('note').textContent).toMatch(/time travel is off/);
    expect(textLength('Live view')).toBe(5);
  });

  it('scrubs from the history a reset rebuilt the thread from', () => {
    const { client, play, view, thread } = setup();
    const earlier = shortTurnEvents('t1');
    const history = viewToHistory(earlier.reduce(applyEvent, thread().view));
    act(() => client.emit('t1', { kind: 'reset', history }));
    const event = createEventFactory('t1', 'e2');
    play(
      [event('turn-start', 'turn-2', { messageId: 'a2', userMessage: { id: 'u2', text: 'again' } })],
      [event('text-delta', 'turn-2', { messageId: 'a2', delta: 'World' })],
    );
    expect(readEvents(thread().eventLog).reduce(applyEvent, thread().eventLogBase)).toEqual(thread().view);
    view();
    expect(screen.getByRole('note').textContent).toMatch(/starts from the thread as it was rebuilt from history/);
    fireEvent.click(screen.getByRole('tab', { name: 'Time travel' }));
    fireEvent.click(screen.getByRole('button', { name: 'First' }));
    const asOf = screen.getByRole('region', { name: 'View as of the selected event' });
    expect(asOf.dataset['messageCount']).toBe('4');
    expect(textLength('View as of the selected event')).toBe(5);
    expect(textLength('Live view')).toBe(10);
  });

  it('folds from the view kept when the log was cleared by the last watch stopping', async () => {
    const { play, stopWatching, store, thread } = setup();
    play(...shortTurnEvents('t1').map((event) => [event]));
    stopWatching();
    await Promise.resolve();
    expect(thread().eventLog.size).toBe(0);
    store.watchThread('t1');
    const event = createEventFactory('t1', 'e2');
    play([event('turn-start', 'turn-2', { messageId: 'a2', userMessage: { id: 'u2', text: 'again' } })]);
    expect(thread().eventLogBase.messageIds).toEqual(['u1', 'a1']);
    expect(readEvents(thread().eventLog).reduce(applyEvent, thread().eventLogBase)).toEqual(thread().view);
  });
});
