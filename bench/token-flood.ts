import { performance } from 'node:perf_hooks';
import { parseServerEvent, type ServerEvent } from '../src/protocol/index.js';
import { createPlatosStore } from '../src/store/create-platos-store.js';
import { createManualScheduler } from '../src/store/frame-scheduler.js';
import { createEventFactory } from '../test/support/event-factory.js';
import { createFakeClient } from '../src/testing/index.js';
import { createPlatosClient } from '../src/client/create-platos-client.js';
import { createFakeSocket } from '../test/support/fake-socket.js';

// A token flood through validation and the store: how long one frame's worth of deltas takes to apply.
// "client ms" is the real client's path per frame: validation, routing, the sequence guard, queueing for the store.
const deltasPerFrame = [1, 10, 100, 1_000, 5_000];
const frames = 50;

function floodFrames(perFrame: number) {
  const event = createEventFactory('bench-thread');
  const start = event('turn-start', 'turn-1', { messageId: 'a1', userMessage: { id: 'u1', text: 'go' } });
  const batches: ServerEvent[][] = [];
  for (let frame = 0; frame < frames; frame += 1) {
    batches.push(Array.from({ length: perFrame }, () => event('text-delta', 'turn-1', { messageId: 'a1', delta: 'tok ' })));
  }
  return { start, batches };
}

function measure(perFrame: number) {
  const client = createFakeClient();
  const scheduler = createManualScheduler();
  const store = createPlatosStore({ client, scheduler });
  store.watchThread('bench-thread');
  let storeUpdates = 0;
  store.subscribe(() => (storeUpdates += 1));
  const { start, batches } = floodFrames(perFrame);
  client.emitEvent(start);
  scheduler.runFrame();
  storeUpdates = 0;

  const validateTimes: number[] = [];
  const applyTimes: number[] = [];
  for (const batch of batches) {
    const validateStart = performance.now();
    for (const frame of batch) parseServerEvent(frame);
    validateTimes.push(performance.now() - validateStart);
    const applyStart = performance.now();
    for (const frame of batch) client.emitEvent(frame);
    scheduler.runFrame();
    applyTimes.push(performance.now() - applyStart);
  }
  const text = store.getState().threads['bench-thread']!.view.messages['a1'];
  const length = text?.role === 'assistant' && text.parts[0]?.type === 'text' ? text.parts[0].text.length : 0;
  store.destroy();
  return { perFrame, storeUpdates, textLength: length, validateMs: median(validateTimes), applyMs: median(applyTimes), applyP95Ms: percentile(applyTimes, 0.95) };
}

/** The same flood through the real client: validation, routing, the sequence guard, then the store's queue. */
async function measureClientPath(perFrame: number) {
  const fake = createFakeSocket();
  fake.respond = () => ({ ok: true, resumed: false, lastEventId: null });
  const client = createPlatosClient({ url: 'http://bench.local', token: 't', socketFactory: fake.factory, network: null, liveness: false });
  const scheduler = createManualScheduler();
  const store = createPlatosStore({ client, scheduler });
  store.watchThread('bench-thread');
  fake.serverConnect();
  await new Promise((resolve) => setTimeout(resolve, 0));
  const { start, batches } = floodFrames(perFrame);
  fake.serverEmit(start.type, start);
  scheduler.runFrame();
  const times: number[] = [];
  for (const batch of batches) {
    const started = performance.now();
    for (const frame of batch) fake.serverEmit(frame.type, frame);
    times.push(performance.now() - started);
    scheduler.runFrame();
  }
  const applied = store.getState().threads['bench-thread']!.view.lastEventId;
  store.destroy();
  client.close();
  if (applied !== batches.at(-1)!.at(-1)!.id) throw new Error(`client path applied up to ${applied}`);
  return median(times);
}

const median = (values: number[]) => percentile(values, 0.5);
function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

measure(100);
console.log(`token flood: ${frames} frames per row; times are per frame (median, p95), on this machine`);
console.log('deltas/frame  store updates  validate ms  client ms  apply ms  apply p95 ms');
for (const perFrame of deltasPerFrame) {
  const result = measure(perFrame);
  const clientMs = await measureClientPath(perFrame);
  if (result.storeUpdates !== frames || result.textLength !== perFrame * frames * 4) throw new Error(`unexpected result ${JSON.stringify(result)}`);
  console.log(
    [result.perFrame, result.storeUpdates, result.validateMs.toFixed(3), clientMs.toFixed(3), result.applyMs.toFixed(3), result.applyP95Ms.toFixed(3)]
      .map((cell, index) => String(cell).padStart(index === 0 ? 12 : 13))
      .join('  '),
  );
}
