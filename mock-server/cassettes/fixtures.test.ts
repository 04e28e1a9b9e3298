import { readFile, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { parseCassette, type Cassette } from '../../src/protocol/cassette.js';
import type { ServerEvent } from '../../src/protocol/index.js';
import { replayCassette } from '../../src/testing/cassettes/replay-cassette.js';
import { cassetteEvents, foldEvents, transcriptOf } from '../testing/transcript.js';

const directory = import.meta.dirname;
const fixtureNames = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort();

async function fixture(name: string): Promise<{ text: string; cassette: Cassette; events: ServerEvent[] }> {
  const text = await readFile(resolve(directory, name), 'utf8');
  const parsed = parseCassette(JSON.parse(text));
  if (!parsed.ok) throw new Error(parsed.reason);
  return { text, cassette: parsed.cassette, events: [...cassetteEvents(parsed.cassette).values()].flat() };
}

const count = (events: readonly ServerEvent[], type: ServerEvent['type']) => events.filter((event) => event.type === type).length;

describe('the cassette fixtures', () => {
  it('are the four recorded sessions, each under 300 kB', async () => {
    expect(fixtureNames).toEqual(['coding-session.json', 'failing-turn.json', 'hostile-turn.json', 'research-turn.json']);
    for (const name of fixtureNames) expect(Buffer.byteLength((await fixture(name)).text)).toBeLessThan(300_000);
  });

  it.each(fixtureNames)('%s plays through replayCassette at speed 0 with the recorded transcript', async (name) => {
    const { text, cassette } = await fixture(name);
    const replay = replayCassette(text, { speed: 0 });
    try {
      await replay.playRecorded();
      for (const [threadId, recorded] of cassetteEvents(cassette)) {
        expect(transcriptOf(foldEvents(threadId, replay.events(threadId)))).toEqual(transcriptOf(foldEvents(threadId, recorded)));
        expect(replay.events(threadId).map((event) => event.type)).toEqual(recorded.map((event) => event.type));
      }
    } finally {
      replay.close();
    }
  });

  it('hold what each was recorded for', async () => {
    const coding = (await fixture('coding-session.json')).events;
    expect(count(coding, 'turn-start')).toBeGreaterThanOrEqual(5);
    expect(coding.filter((event) => event.type === 'text-delta').map((event) => event.delta).join('')).toMatch(/```ts\n[^]*```/);
    expect(count(coding, 'tool-call-result')).toBeGreaterThanOrEqual(5);
    expect([count(coding, 'artifact-created'), count(coding, 'approval-resolved')]).toEqual([2, 1]);

    const research = (await fixture('research-turn.json')).events;
    expect([count(research, 'turn-start'), count(research, 'step-start')]).toEqual([1, 1]);
    expect(count(research, 'tool-call-start')).toBeGreaterThanOrEqual(3);
    expect(research.filter((event) => event.type === 'run-update').at(-1)).toMatchObject({ status: 'succeeded' });

    const failing = (await fixture('failing-turn.json')).events;
    expect(failing.slice(-2)).toMatchObject([{ type: 'error', retryable: false }, { type: 'finish', finishReason: 'error' }]);
    expect(failing.findIndex((event) => event.type === 'tool-call-error')).toBeLessThan(failing.findIndex((event) => event.type === 'error'));

    const hostile = (await fixture('hostile-turn.json')).events;
    expect(hostile[0]).toMatchObject({ type: 'turn-start', userMessage: { text: 'hostile tool-call-result-image' } });
    expect(JSON.stringify(hostile)).toContain('attacker.example');
  });

  it('keeps the recorded pace, divided by the speed', async () => {
    const { text, cassette } = await fixture('research-turn.json');
    const speed = 10;
    const spanMs = cassette.frames.at(-1)!.at - cassette.frames[0]!.at;
    const replay = replayCassette(text, { speed });
    try {
      const started = performance.now();
      await replay.playRecorded();
      expect(performance.now() - started).toBeGreaterThan((spanMs / speed) * 0.9);
    } finally {
      replay.close();
    }
  });
});
