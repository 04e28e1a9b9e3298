import { performance } from 'node:perf_hooks';
import type { ServerEvent } from '../src/protocol/index.js';
import { createPlatosClient } from '../src/client/create-platos-client.js';
import { createFakeSocket } from '../test/support/fake-socket.js';
import { createEventFactory } from '../test/support/event-factory.js';

// The real client's per-event path under a flood of text-deltas over 10 threads, for `node --cpu-prof`.
const threads = 10;
const deltas = Number(process.env.DELTAS ?? 50_000);
const rounds = Number(process.env.ROUNDS ?? 10);

const fake = createFakeSocket();
fake.respond = () => ({ ok: true, resumed: false, lastEventId: null });
const client = createPlatosClient({ url: 'http://bench.local', token: 't', socketFactory: fake.factory, network: null, liveness: false });
let applied = 0;
const threadIds = Array.from({ length: threads }, (_, index) => `thread-${index}`);
for (const threadId of threadIds) client.threads.watch(threadId, (update) => void (update.kind === "event" && (applied += 1)));
fake.serverConnect();
await new Promise((resolve) => setTimeout(resolve, 0));

const factories = threadIds.map((threadId) => createEventFactory(threadId));
const frames: ServerEvent[] = [];
for (const [index, event] of factories.entries()) frames.push(event('turn-start', 'turn-1', { messageId: `a${index}`, userMessage: { id: `u${index}`, text: 'go' } }));
for (let round = 0; round < rounds; round += 1) {
  for (let index = 0; index < deltas; index += 1) {
    const thread = index % threads;
    frames.push(factories[thread]!('text-delta', 'turn-1', { messageId: `a${thread}`, delta: 'tok ' }));
  }
}
const started = performance.now();
for (const frame of frames) fake.serverEmit(frame.type, frame);
const elapsed = performance.now() - started;
if (applied !== frames.length) throw new Error(`applied ${applied} of ${frames.length}`);
console.log(`${frames.length} frames, ${((elapsed / (frames.length - threads)) * 1000).toFixed(3)} ms per 1,000`);
client.close();
