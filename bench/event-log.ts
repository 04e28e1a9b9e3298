import { performance } from 'node:perf_hooks';
import type { ServerEvent } from '../src/protocol/index.js';
import type { ThreadUpdate } from '../src/client/types.js';
import { coalesceDeltas } from '../src/store/coalesce-deltas.js';
import { appendEvents, createEventLog, readEvents, type EventLog } from '../src/store/event-log.js';
import { applyThreadUpdates, createThreadState } from '../src/store/thread-state.js';
import { applyEvent } from '../src/store/view/apply-event.js';
import { createEventFactory } from '../test/support/event-factory.js';

// One frame (10 text deltas of one message, merged into one log entry) applied to a thread whose log already holds
// 0, 20,000 or 100,000 entries. "before" is the flush as it was, copying the whole log into a new array; "after" is
// applyThreadUpdates with the chunked log, with no limit (every entry kept) and with the default limit of 1,000.
// "readEvents" is what a component reading `usePlatosStream().events` pays once per new log version.
const existingSizes = [0, 20_000, 100_000];
const deltasPerFrame = 10;
const repetitions = 400;

const event = createEventFactory('bench-thread');
const start = event('turn-start', 'turn-1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } });
const existing = Array.from({ length: Math.max(...existingSizes) }, () => event('text-delta', 'turn-1', { messageId: 'a0', delta: 'tok ' }) as ServerEvent);
const frame: ThreadUpdate[] = Array.from({ length: deltasPerFrame }, () => ({
  kind: 'event',
  event: event('text-delta', 'turn-1', { messageId: 'a1', delta: 'tok ' }),
}));
const frameEvents = frame.flatMap((update) => (update.kind === 'event' ? [update.event] : []));
const baseView = applyEvent(createThreadState('bench-thread').view, start);

/** The flush before the chunked log: coalesce, fold into the view, then copy the whole log with the new entries. */
function applyBefore(state: { view: typeof baseView; events: ServerEvent[] }, batch: readonly ServerEvent[]) {
  const merged = coalesceDeltas(batch);
  return { ...state, view: merged.reduce(applyEvent, state.view), events: [...state.events, ...merged] };
}

function logWith(count: number, limit: number): EventLog {
  let log = createEventLog(limit);
  for (let offset = 0; offset < count; offset += 1_000) log = appendEvents(log, existing.slice(offset, Math.min(count, offset + 1_000)));
  return log;
}

function medianMs(run: () => unknown): number {
  for (let warm = 0; warm < 50; warm += 1) run();
  const times: number[] = [];
  for (let index = 0; index < repetitions; index += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

console.log(`event log: one frame of ${deltasPerFrame} deltas applied per flush; median of ${repetitions} flushes, on this machine`);
console.log('existing entries  before ms  after ms (no limit)  after ms (limit 1000)  readEvents ms (no limit)  readEvents ms (limit 1000)');
for (const size of existingSizes) {
  const before = { view: baseView, events: existing.slice(0, size) };
  const unbounded = { ...createThreadState('bench-thread'), view: baseView, eventLog: logWith(size, Infinity) };
  const bounded = { ...createThreadState('bench-thread'), view: baseView, eventLog: logWith(size, 1_000) };
  const beforeMs = medianMs(() => applyBefore(before, frameEvents));
  const unboundedMs = medianMs(() => applyThreadUpdates(unbounded, frame));
  const boundedMs = medianMs(() => applyThreadUpdates(bounded, frame));
  // Each run reads a fresh version, as a component reading `events` after each flush would.
  const readMs = medianMs(() => readEvents(appendEvents(unbounded.eventLog, frameEvents)));
  const boundedReadMs = medianMs(() => readEvents(appendEvents(bounded.eventLog, frameEvents)));
  const check = applyThreadUpdates(unbounded, frame).eventLog;
  if (check.size !== size + 1 || applyBefore(before, frameEvents).events.length !== size + 1) throw new Error('unexpected log size');
  console.log(
    [size, beforeMs.toFixed(4), unboundedMs.toFixed(4), boundedMs.toFixed(4), readMs.toFixed(4), boundedReadMs.toFixed(4)]
      .map((cell, index) => String(cell).padStart([16, 9, 19, 21, 24, 26][index]!))
      .join('  '),
  );
}
