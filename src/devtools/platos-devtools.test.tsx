import { Profiler, StrictMode } from 'react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shortTurnEvents } from '../../test/support/event-factory.js';
import { expectAccessible } from '../../test/support/expect-accessible.js';
import { createManualScheduler, createPlatosStore, type Cassette, type PlatosStore } from '../index.js';
import { PlatosProvider } from '../react-entry.js';
import { createFakeClient } from '../testing/index.js';
import { PlatosDevtools, type PlatosDevtoolsProps } from '../devtools-entry.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A provider over a fake client and a store whose `subscribe` is counted, with the devtools inside a Profiler. */
function setup(props: PlatosDevtoolsProps = {}) {
  const client = createFakeClient({ agentId: 'agent-7' });
  const scheduler = createManualScheduler();
  const inner = createPlatosStore({ client, scheduler });
  const counts = { subscribes: 0, listeners: 0, commits: 0 };
  const store: PlatosStore = {
    ...inner,
    subscribe(listener) {
      counts.subscribes += 1;
      counts.listeners += 1;
      const unsubscribe = inner.subscribe(listener);
      return () => {
        counts.listeners -= 1;
        unsubscribe();
      };
    },
  };
  store.watchThread('t1');
  render(
    <PlatosProvider client={client} store={store}>
      <Profiler id="devtools" onRender={() => (counts.commits += 1)}>
        <PlatosDevtools {...props} />
      </Profiler>
    </PlatosProvider>,
  );
  const events = shortTurnEvents('t1');
  /** Plays the short turn, one frame (and one act) per event. */
  const playTurn = () => {
    for (const event of events) {
      act(() => {
        client.emitEvent(event);
        scheduler.runFrame();
      });
    }
  };
  return { client, store, counts, events, playTurn };
}

const panel = () => screen.queryByRole('region', { name: 'Platos devtools' });
const pressShortcut = () => fireEvent.keyDown(window, { key: 'Î', code: 'KeyD', altKey: true, shiftKey: true });

describe('<PlatosDevtools> closed', () => {
  it('holds no store subscription and does not render on store updates; open, it does; closed again, it lets go', async () => {
    const { counts, playTurn } = setup();
    expect(panel()).toBeNull();
    expect(counts).toMatchObject({ subscribes: 0, listeners: 0, commits: 1 });

    playTurn();
    expect(counts).toMatchObject({ subscribes: 0, listeners: 0, commits: 1 });

    fireEvent.click(screen.getByRole('button', { name: 'Platos devtools' }));
    expect(panel()).not.toBeNull();
    expect(counts.listeners).toBe(1);
    const commitsWhenOpened = counts.commits;
    playTurn();
    expect(counts.commits).toBeGreaterThanOrEqual(commitsWhenOpened + 4);

    fireEvent.click(screen.getByRole('button', { name: 'Close devtools' }));
    expect(counts.listeners).toBe(0);
    const commitsWhenClosed = counts.commits;
    playTurn();
    expect(counts.commits).toBe(commitsWhenClosed);
  });

  it('records every frame while closed, for the cassette', async () => {
    const { playTurn, events } = setup();
    playTurn();
    const cassette = await downloadedCassette(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Platos devtools' }));
      fireEvent.click(screen.getByRole('button', { name: 'Download cassette' }));
    });
    expect(cassette.json).toMatchObject({ version: 1, agentId: 'agent-7', threads: ['t1'], commands: [] });
    expect(cassette.json.frames.map((frame) => frame.event)).toEqual(events);
    expect(cassette.fileName).toMatch(/^platos-cassette-agent-7-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
  });
});

describe('<PlatosDevtools> opening and closing', () => {
  it('toggles with Alt+Shift+D, moving focus into the panel and back to the launcher', () => {
    setup();
    screen.getByRole('button', { name: 'Platos devtools' }).focus();
    pressShortcut();
    expect(panel()).not.toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Events' }));
    pressShortcut();
    expect(panel()).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Platos devtools' }));
  });

  it('takes another shortcut, or none', () => {
    setup({ shortcut: 'Ctrl+Shift+F9' });
    pressShortcut();
    expect(panel()).toBeNull();
    fireEvent.keyDown(window, { key: 'F9', code: 'F9', ctrlKey: true, shiftKey: true });
    expect(panel()).not.toBeNull();
    cleanup();

    setup({ shortcut: null });
    pressShortcut();
    expect(panel()).toBeNull();
    expect(screen.getByRole('button', { name: 'Platos devtools' }).getAttribute('aria-keyshortcuts')).toBeNull();
  });

  it('closes on Escape, opens where asked and floats or docks', () => {
    setup({ defaultOpen: true, position: 'floating' });
    expect(panel()?.dataset['position']).toBe('floating');
    fireEvent.click(screen.getByRole('button', { name: 'Dock the panel at the bottom' }));
    expect(panel()?.dataset['position']).toBe('bottom');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Events' }), { key: 'Escape' });
    expect(panel()).toBeNull();
  });

  it('moves between sections with the arrow keys, and axe finds nothing in any of them', async () => {
    const { playTurn } = setup({ defaultOpen: true });
    playTurn();
    const tabs = ['Events', 'Time travel', 'Client', 'Outbox'];
    for (const [index, name] of tabs.entries()) {
      const tab = screen.getByRole('tab', { name });
      expect(tab.getAttribute('aria-selected')).toBe('true');
      expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tab.id);
      await expectAccessible(panel()!);
      fireEvent.keyDown(tab, { key: 'ArrowRight' });
      expect(document.activeElement).toBe(screen.getByRole('tab', { name: tabs[(index + 1) % tabs.length] }));
    }
    cleanup();
    setup();
    await expectAccessible(document.body);
  });

  it('works in StrictMode and outside a provider, given a client and a store', async () => {
    const client = createFakeClient();
    const scheduler = createManualScheduler();
    const store = createPlatosStore({ client, scheduler });
    store.watchThread('t1');
    render(
      <StrictMode>
        <PlatosDevtools client={client} store={store} defaultOpen />
      </StrictMode>,
    );
    act(() => {
      for (const event of shortTurnEvents('t1')) client.emitEvent(event);
      scheduler.runFrame();
    });
    expect(within(screen.getByRole('listbox', { name: 'Events' })).getAllByRole('option').map((row) => row.dataset['type'])).toEqual(['turn-start', 'text-delta', 'finish']);
    const cassette = await downloadedCassette(() => fireEvent.click(screen.getByRole('button', { name: 'Download cassette' })));
    // One recording (StrictMode started and stopped a first one): each frame once.
    expect(cassette.json.frames).toHaveLength(4);
  });

  it('needs a client or a store', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<PlatosDevtools />)).toThrow(/needs a client or a store/);
  });
});

describe('Download cassette without recording', () => {
  it('makes the cassette from the store: each log entry a frame, timed from its ts', async () => {
    const { playTurn, events } = setup({ record: false, defaultOpen: true });
    playTurn();
    const cassette = await downloadedCassette(() => fireEvent.click(screen.getByRole('button', { name: 'Download cassette' })));
    expect(cassette.json).toMatchObject({ version: 1, agentId: 'agent-7', threads: ['t1'], commands: [], recordedAt: new Date(events[0]!.ts).toISOString() });
    expect(cassette.json.frames).toEqual(events.map((event) => ({ at: event.ts - events[0]!.ts, event })));
  });
});

/** Runs `action`, catching the file it downloads (jsdom has no object URLs nor downloads). */
async function downloadedCassette(action: () => void): Promise<{ fileName: string; json: Cassette }> {
  const blobs: Blob[] = [];
  Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), `blob:devtools-${blobs.length}`), revokeObjectURL: () => {} });
  let fileName = '';
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    fileName = this.download;
  });
  action();
  expect(blobs).toHaveLength(1);
  expect(blobs[0]!.type).toBe('application/json');
  return { fileName, json: JSON.parse(await blobs[0]!.text()) as Cassette };
}
