import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPlatosStore } from '../src/store/create-platos-store.js';
import { createManualScheduler } from '../src/store/frame-scheduler.js';
import { parseRecording } from '../src/testing/cassettes/parse-recording.js';
import { createTestServer } from '../src/testing/index.js';

// The long coding fixture replayed at speed 0 through the test server into a real client and the store, one turn
// after another, one store frame per turn. Run with `npm run bench:cassette [-- runs]`.
const runs = Number(process.argv[2] ?? 30);
const warmupRuns = 3;
const fixturePath = resolve(import.meta.dirname, '../mock-server/cassettes/coding-session.json');
const text = await readFile(fixturePath, 'utf8');
const parsed = parseRecording(JSON.parse(text));
if (!parsed.ok) throw new Error(parsed.reason);
const turns = parsed.recording.turns.map((turn) => ({ threadId: turn.threadId ?? 'recorded', userText: turn.userText ?? '' }));

async function replayOnce() {
  const parseStarted = performance.now();
  const server = createTestServer({ cassette: text, speed: 0 });
  const parseMs = performance.now() - parseStarted;
  const scheduler = createManualScheduler();
  const store = createPlatosStore({ client: server.client, scheduler });
  const stopWatching = turns.map(({ threadId }) => store.watchThread(threadId));
  // The client connects and subscribes first, so the timings are the turns' own.
  await server.idle();
  const turnMs: number[] = [];
  const started = performance.now();
  for (const { threadId, userText } of turns) {
    const turnStarted = performance.now();
    await server.client.threads.send(threadId, userText);
    await server.idle();
    scheduler.runFrame();
    turnMs.push(performance.now() - turnStarted);
  }
  const totalMs = performance.now() - started;
  const threadIds = [...new Set(turns.map(({ threadId }) => threadId))];
  const events = threadIds.reduce((sum, threadId) => sum + server.events(threadId).length, 0);
  const messages = threadIds.reduce((sum, threadId) => sum + (store.getState().threads[threadId]?.view.messageIds.length ?? 0), 0);
  if (messages !== turns.length * 2) throw new Error(`the store shows ${messages} messages for ${turns.length} turns`);
  stopWatching.forEach((stop) => stop());
  store.destroy();
  server.close();
  return { parseMs, totalMs, turnMs, events };
}

for (let run = 0; run < warmupRuns; run += 1) await replayOnce();
const results = [];
for (let run = 0; run < runs; run += 1) results.push(await replayOnce());

const median = (values: number[]) => percentile(values, 0.5);
function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
const events = results[0]!.events;
const eventsPerSecond = results.map(({ totalMs }) => (events / totalMs) * 1_000);
const allTurnMs = results.flatMap(({ turnMs }) => turnMs);
console.log(`cassette replay: ${fixturePath.split('/').slice(-3).join('/')}, ${turns.length} turns, ${events} events, ${runs} runs after ${warmupRuns} warm-up, speed 0`);
console.log(`events/s (median of runs)   ${median(eventsPerSecond).toFixed(0)}`);
console.log(`ms per run (median)         ${median(results.map(({ totalMs }) => totalMs)).toFixed(1)}`);
console.log(`ms per turn (median, p95)   ${median(allTurnMs).toFixed(2)}, ${percentile(allTurnMs, 0.95).toFixed(2)}`);
console.log(`ms to read the cassette     ${median(results.map(({ parseMs }) => parseMs)).toFixed(2)}`);
