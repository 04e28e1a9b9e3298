import { afterEach, describe, expect, it } from 'vitest';
import { createEventFactory } from '../../test/support/event-factory.js';
import { EVENT_TYPES, type ServerEvent } from '../protocol/index.js';
import { createManualScheduler, createPlatosStore, readEvents } from '../index.js';
import { builtInScenarios, createTestServer, type TestServer } from '../testing/index.js';
import type { ThreadView } from '../store/types.js';
import { applyEvent } from '../store/view/apply-event.js';
import { createThreadView } from '../store/view/create-thread-view.js';
import { createViewCheckpoints } from './view-checkpoints.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

/** The default scenario's whole turn (every event type, its approval answered) as the store logged it. */
async function playedDefaultTurn() {
  server = createTestServer({ scenario: builtInScenarios.default });
  const store = createPlatosStore({ client: server.client, scheduler: createManualScheduler(), eventLogLimit: Infinity });
  store.watchThread('t1');
  await store.send('t1', 'How do I stream?');
  await server.idle();
  store.flush();
  const approvalId = Object.keys(store.getState().threads['t1']!.view.approvals)[0]!;
  await store.respondToApproval('t1', approvalId, 'approved');
  await server.idle();
  store.flush();
  const thread = store.getState().threads['t1']!;
  store.destroy();
  return { events: readEvents(thread.eventLog), base: thread.eventLogBase, live: thread.view };
}

const foldFromScratch = (base: ThreadView, events: readonly ServerEvent[], count: number) => events.slice(0, count).reduce(applyEvent, base);

describe('createViewCheckpoints', () => {
  it('gives, at every index of a real turn, the view folding from scratch gives, and the live view at the end', async () => {
    const { events, base, live } = await playedDefaultTurn();
    expect(new Set(events.map((event) => event.type))).toEqual(new Set(EVENT_TYPES));
    // A small interval so that most positions fold from a checkpoint other than the first.
    const checkpoints = createViewCheckpoints(base, { interval: 7 });
    while (checkpoints.advance(events, 5));
    for (let count = 0; count <= events.length; count += 1) {
      expect(checkpoints.viewAfter(events, count), `after ${count} events`).toEqual(foldFromScratch(base, events, count));
    }
    expect(checkpoints.viewAfter(events, events.length)).toEqual(live);
  }, 20_000);

  it('folds at most one interval of events per view, and none twice once checkpointed', () => {
    const event = createEventFactory();
    const events = Array.from({ length: 3_500 }, (_, index) => event('text-delta', 't1', { messageId: `m${index % 3}`, delta: 'x' }));
    let folds = 0;
    const countingFold = (view: ThreadView, next: ServerEvent) => {
      folds += 1;
      return applyEvent(view, next);
    };
    const checkpoints = createViewCheckpoints(applyEvent(createThreadView('thread-1'), events[0]!), { interval: 1_000, fold: countingFold });

    expect(checkpoints.viewAfter(events, 2_500)).toBeUndefined();
    expect(folds).toBe(0);
    expect(checkpoints.viewAfter(events, 900)).toBeDefined();
    expect(folds).toBe(900);

    folds = 0;
    while (checkpoints.advance(events, 300));
    expect(folds).toBe(3_500);
    expect(checkpoints.folded).toBe(3_500);
    for (const count of [0, 999, 1_000, 1_001, 2_999, 3_499, 3_500]) {
      folds = 0;
      checkpoints.viewAfter(events, count);
      expect(folds, `after ${count} events`).toBeLessThanOrEqual(999);
    }
  });

  it('goes on from where it was when the log grows', () => {
    const event = createEventFactory();
    const base = createThreadView('thread-1');
    const first = Array.from({ length: 30 }, () => event('text-delta', 't1', { messageId: 'a1', delta: 'ab' }));
    const checkpoints = createViewCheckpoints(base, { interval: 8 });
    expect(checkpoints.advance(first, 100)).toBe(false);
    const grown = [...first, ...Array.from({ length: 20 }, () => event('text-delta', 't1', { messageId: 'a1', delta: 'c' }))];
    expect(checkpoints.advance(grown, 100)).toBe(false);
    expect(checkpoints.folded).toBe(50);
    expect(checkpoints.viewAfter(grown, 45)).toEqual(foldFromScratch(base, grown, 45));
  });
});

