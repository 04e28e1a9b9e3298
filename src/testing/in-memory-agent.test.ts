import { describe, expect, it } from 'vitest';
import type { ServerEvent } from '../protocol/index.js';
import { createActivity } from './activity.js';
import { checkedScenario } from './checked-scenario.js';
import { createInMemoryAgent } from './in-memory-agent.js';
import type { ClientLink } from './in-memory-socket.js';
import { streamText } from './index.js';

/** A link that records what the agent sends: events as they would arrive, one by one or unpacked from batches. */
function recordingLink() {
  const frames: { name: string; payload: unknown }[] = [];
  const link: ClientLink = { send: (name, payload) => void frames.push({ name, payload }), disconnect: () => {} };
  const events = () => frames.flatMap(({ name, payload }) => (name === 'batch' ? (payload as { events: ServerEvent[] }).events : [payload as ServerEvent]));
  return { link, frames, events };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createInMemoryAgent with batching', () => {
  it('sends a resume its replayed events in batch frames before the acknowledgement', async () => {
    const activity = createActivity();
    const agent = createInMemoryAgent({
      scenario: checkedScenario([...streamText('one two three'), { type: 'finish', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 } }]),
      speed: 0,
      activity,
    });
    const first = recordingLink();
    const firstConnection = agent.connect('default', first.link, { batch: true });
    firstConnection.command('thread:subscribe', { threadId: 't1' });
    firstConnection.command('message:send', { threadId: 't1', clientMessageId: 'm1', text: 'Hi' });
    while (!first.events().some((event) => event.type === 'finish')) await settle();
    expect(first.frames.every(({ name }) => name === 'batch')).toBe(true);
    expect(first.events()).toEqual(agent.events('default', 't1'));

    const late = recordingLink();
    const lateConnection = agent.connect('default', late.link, { batch: true });
    const ack = lateConnection.command('thread:subscribe', { threadId: 't1', lastEventId: first.events()[0]!.id });
    expect(ack).toMatchObject({ ok: true, resumed: true });
    expect(late.frames.map(({ name }) => name)).toEqual(['batch']);
    expect(late.events()).toEqual(agent.events('default', 't1').slice(1));

    const plain = recordingLink();
    agent.connect('default', plain.link, { batch: false }).command('thread:subscribe', { threadId: 't1', lastEventId: first.events()[0]!.id });
    expect(plain.frames.map(({ name }) => name)).toEqual(late.events().map((event) => event.type));
    agent.dispose();
  });
});
