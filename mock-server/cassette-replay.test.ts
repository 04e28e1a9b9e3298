import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatosClient } from '../src/client/create-platos-client.js';
import type { PlatosClient } from '../src/client/types.js';
import type { Cassette } from '../src/protocol/cassette.js';
import type { ServerEvent } from '../src/protocol/index.js';
import { playMessages } from './cassettes/play-messages.js';
import { recordSessionPlan } from './cassettes/record-session-plan.js';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { optionsFromEnv } from './env-options.js';
import { cassetteEvents, foldEvents, transcriptOf } from './testing/transcript.js';

// Built-in scenarios: every event type with an approval, several tools, an approval denied, a failing turn.
const messages = ['Plan a trip to Lisbon', 'tools for the weather', 'approve removing the report', 'fail on purpose'];
const decisions = ['approved', 'denied'] as const;
const env = { PORT: '0', PLATOS_MOCK_TOKENS: 'test-token', PLATOS_MOCK_ENTITY_TICK_MS: '0' };

let directory: string;
let cassette: Cassette;
let cassetteFile: string;
let replaying: MockServer;
const clients: PlatosClient[] = [];

function connect(server: MockServer): PlatosClient {
  const client = createPlatosClient({ url: server.url, token: 'test-token', transports: ['websocket'], network: null });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'cassette-replay-'));
  cassette = await recordSessionPlan({ name: 'proof', threadId: 'recorded', messages }, { speed: 20, decisions });
  cassetteFile = join(directory, 'session.json');
  await writeFile(cassetteFile, JSON.stringify(cassette));
  replaying = await createMockServer(optionsFromEnv(env, ['--cassette', cassetteFile, '--speed', '0']));
});
afterAll(async () => {
  clients.forEach((client) => client.close());
  await replaying.close();
});

const recordedEvents = () => cassetteEvents(cassette).get('recorded') ?? [];
const turnsOf = (events: readonly ServerEvent[]) => [...new Set(events.map((event) => event.turnId))].map((turnId) => events.filter((event) => event.turnId === turnId));

describe('--cassette FILE', () => {
  it('plays a recorded session again, on another thread, with the same transcript', async () => {
    expect(recordedEvents().filter((event) => event.type === 'finish')).toHaveLength(messages.length);
    const replayed = await playMessages(connect(replaying), 'replayed', messages, { decisions });
    const recordedView = foldEvents('recorded', recordedEvents());
    const recordedTranscript = transcriptOf(recordedView);
    expect(transcriptOf(foldEvents('replayed', replayed))).toEqual(recordedTranscript);
    expect(recordedTranscript.map((message) => (message.role === 'assistant' ? message.finishReason : message.text))).toEqual([
      messages[0], 'stop', messages[1], 'stop', messages[2], 'stop', messages[3], 'error',
    ]);
    expect(Object.values(recordedView.approvals).map((approval) => approval.state)).toEqual(['approved', 'denied']);
    expect(Object.values(recordedView.toolCalls).map((toolCall) => toolCall.status)).toContain('succeeded');
    expect(Object.values(recordedView.artifacts)).toHaveLength(1);
    expect(replayed.map((event) => event.type)).toEqual(recordedEvents().map((event) => event.type));
  });

  it('gives a recorded turn played twice on one thread distinct ids the second time', async () => {
    const events = await playMessages(connect(replaying), 'twice', [messages[1]!, messages[1]!]);
    const [first, second] = turnsOf(events);
    const idsOf = (turn: ServerEvent[]) =>
      turn.flatMap((event) => [
        ...(event.type === 'turn-start' || event.type === 'text-delta' ? [event.messageId] : []),
        ...('toolCallId' in event && event.toolCallId ? [event.toolCallId] : []),
        ...('stepId' in event && event.stepId ? [event.stepId] : []),
      ]);
    const firstIds = new Set(idsOf(first!));
    const secondIds = new Set(idsOf(second!));
    expect(firstIds.size).toBeGreaterThan(5);
    expect([...secondIds].filter((id) => firstIds.has(id))).toEqual([]);
    expect([...secondIds]).toEqual([...firstIds].map((id) => `${second![0]!.turnId}.${id}`));
    const view = foldEvents('twice', events);
    expect(Object.keys(view.toolCalls)).toHaveLength(2 * Object.keys(view.toolCalls).filter((id) => firstIds.has(id)).length);
  });
});

describe('--scenario FILE with recorded events', () => {
  it('plays a cassette as --cassette does', async () => {
    const server = await createMockServer(optionsFromEnv(env, ['--scenario', cassetteFile, '--speed', '0']));
    try {
      const replayed = await playMessages(connect(server), 'from-scenario-flag', messages, { decisions });
      expect(transcriptOf(foldEvents('from-scenario-flag', replayed))).toEqual(transcriptOf(foldEvents('recorded', recordedEvents())));
    } finally {
      await server.close();
    }
  });

  it('plays an array of enveloped events, turn-start included, picking the turn by its user text', async () => {
    const file = join(directory, 'events.json');
    await writeFile(file, JSON.stringify(recordedEvents()));
    const server = await createMockServer(optionsFromEnv(env, ['--scenario', file, '--speed', '0']));
    try {
      const replayed = await playMessages(connect(server), 'from-events', [messages[1]!]);
      const recordedTurn = turnsOf(recordedEvents())[1]!;
      expect(replayed.map((event) => event.type)).toEqual(recordedTurn.map((event) => event.type));
      expect(transcriptOf(foldEvents('from-events', replayed))).toEqual(transcriptOf(foldEvents('recorded', recordedTurn)));
      expect(replayed[0]).toMatchObject({ threadId: 'from-events', seq: 1, messageId: recordedTurn[0]!.type === 'turn-start' ? recordedTurn[0]!.messageId : null });
    } finally {
      await server.close();
    }
  });
});
