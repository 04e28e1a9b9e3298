import { createRoot } from 'react-dom/client';
import { createManualScheduler, createPlatosStore } from '../../src/index.js';
import { PlatosProvider } from '../../src/react-entry.js';
import { createFakeClient } from '../../src/testing/index.js';
import { PlatosDevtools } from '../../src/devtools-entry.js';
import { BENCH_THREAD_ID, sessionEvents } from './session-events.js';

// A store with eventLogLimit 100,000, filled from a fake client one event per flush, with the inspector not mounted
// (`?devtools=none`) or mounted and closed (`?devtools=closed`). The runner drives it through `window.__devtoolsBench`.

declare global {
  interface Window {
    __devtoolsBench?: DevtoolsBench;
  }
}

export interface DevtoolsBench {
  /** Applies `count` events, one flush each; returns the milliseconds per flush. */
  fill(count: number): number;
  /** The longest gap between animation frames (ms) and the long animation frames (ms) while `action` runs and two frames after. */
  measure(action: () => void | Promise<void>): Promise<{ actionMs: number; longestFrameMs: number; longAnimationFrames: number[] }>;
  /** Sets the time travel scrubber to `index` as a user's drag would (an input event). */
  scrubTo(index: number): void;
  /** Resolves once Time travel has folded checkpoints over `count` events. */
  whenFolded(count: number): Promise<void>;
}

const params = new URLSearchParams(location.search);
const devtools = params.get('devtools') ?? 'closed';
const client = createFakeClient();
const scheduler = createManualScheduler();
const store = createPlatosStore({ client, scheduler, eventLogLimit: 100_000 });
store.watchThread(BENCH_THREAD_ID);
const events = sessionEvents(Number.POSITIVE_INFINITY);

createRoot(document.getElementById('root')!).render(
  <PlatosProvider client={client} store={store}>
    <main style={{ padding: 16, font: '14px system-ui' }}>
      <h1 style={{ fontSize: 16 }}>Devtools bench: {devtools}</h1>
    </main>
    {devtools === 'closed' && <PlatosDevtools />}
  </PlatosProvider>,
);

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

window.__devtoolsBench = {
  fill(count) {
    const started = performance.now();
    for (let index = 0; index < count; index += 1) {
      client.emitEvent(events.next().value as Parameters<typeof client.emitEvent>[0]);
      store.flush();
    }
    return (performance.now() - started) / count;
  },
  async measure(action) {
    const longAnimationFrames: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longAnimationFrames.push(entry.duration)));
    observer.observe({ type: 'long-animation-frame', buffered: false });
    let previous = await nextFrame();
    let longestFrameMs = 0;
    let measuring = true;
    const watchFrames = async () => {
      while (measuring) {
        const now = await nextFrame();
        longestFrameMs = Math.max(longestFrameMs, now - previous);
        previous = now;
      }
    };
    const watching = watchFrames();
    const started = performance.now();
    await action();
    const actionMs = performance.now() - started;
    await nextFrame();
    await nextFrame();
    measuring = false;
    await watching;
    observer.disconnect();
    return { actionMs, longestFrameMs, longAnimationFrames };
  },
  scrubTo(index) {
    const input = document.querySelector<HTMLInputElement>('input[type="range"]');
    if (!input) throw new Error('No scrubber: open the Time travel tab first');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(index));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  },
  async whenFolded(count) {
    while (Number(document.querySelector<HTMLElement>('[data-folded]')?.dataset['folded']) < count) await new Promise((done) => setTimeout(done, 20));
  },
};
