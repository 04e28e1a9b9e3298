import { describe, expect, it } from 'vitest';
import { createEventFactory } from '../../../test/support/event-factory.js';
import type { Cassette } from '../../protocol/cassette.js';
import { BARE_EVENT_DELAY_MS } from './group-bare-events.js';
import { parseRecording } from './parse-recording.js';
import type { RecordedTurns } from './recorded-turn.js';

const usage = { inputTokens: 1, outputTokens: 2 };

function cassetteOf(frames: { at: number; event: unknown }[], commands: Cassette['commands'] = []): Cassette {
  return { version: 1, recordedAt: '2026-01-01T00:00:00.000Z', agentId: 'default', threads: [], frames, commands };
}

function recordingOf(json: unknown): RecordedTurns {
  const parsed = parseRecording(json);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.recording;
}

describe('parseRecording of a cassette', () => {
  it('splits the frames of two threads into turns by turn id, with delays from at and ids as recorded', () => {
    const first = createEventFactory('thread-a');
    const second = createEventFactory('thread-b');
    const frames = [
      { at: 100, event: first('turn-start', 'turn-1', { messageId: 'm1', userMessage: { id: 'u1', text: 'Hello' } }) },
      { at: 130, event: first('tool-call-start', 'turn-1', { toolCallId: 'call-1', tool: 'lookup' }) },
      { at: 140, event: second('turn-start', 'turn-2', { messageId: 'm2', userMessage: { id: 'u2', text: 'Other' } }) },
      { at: 180, event: first('text-delta', 'turn-1', { messageId: 'm1', delta: 'Hi' }) },
      { at: 200, event: second('finish', 'turn-2', { finishReason: 'stop', usage, durationMs: 9 }) },
    ];
    const recording = recordingOf(cassetteOf(frames));
    expect(recording).toMatchObject({ invalidFrames: 0, duplicateFrames: 0 });
    expect(recording.turns).toEqual([
      {
        threadId: 'thread-a',
        userText: 'Hello',
        messageId: 'm1',
        events: [
          { delayMs: 30, body: { type: 'tool-call-start', toolCallId: 'call-1', tool: 'lookup' } },
          { delayMs: 50, body: { type: 'text-delta', messageId: 'm1', delta: 'Hi' } },
        ],
      },
      { threadId: 'thread-b', userText: 'Other', messageId: 'm2', events: [{ delayMs: 60, body: { type: 'finish', finishReason: 'stop', usage, durationMs: 9 } }] },
    ]);
  });

  it('leaves out and counts frames that are not valid events, and drops a replayed event id once seen', () => {
    const event = createEventFactory('thread-a');
    const delta = event('text-delta', 'turn-1', { messageId: 'm1', delta: 'Hi' });
    const frames = [
      { at: 0, event: { ...event('text-delta', 'turn-1', { messageId: 'm1', delta: 'x' }), delta: 7 } },
      { at: 5, event: delta },
      { at: 6, event: 'not an event' },
      { at: 9, event: delta },
    ];
    const recording = recordingOf(cassetteOf(frames));
    expect(recording.invalidFrames).toBe(2);
    expect(recording.firstInvalidReason).toMatch(/^frame 0: /);
    expect(recording.duplicateFrames).toBe(1);
    expect(recording.turns).toHaveLength(1);
    expect(recording.turns[0]!.events.map((recorded) => recorded.body)).toEqual([{ type: 'text-delta', messageId: 'm1', delta: 'Hi' }]);
  });

  it('takes the user text of a turn without turn-start from the message:send the server answered with its turn id', () => {
    const event = createEventFactory('thread-a');
    const commands = [
      { at: 0, name: 'message:send', request: { threadId: 'thread-a', clientMessageId: 'c1', text: 'Sent first' }, settledAt: 3, reply: { ok: true, turnId: 'turn-9' } },
      { at: 1, name: 'message:send', request: { threadId: 'thread-a', clientMessageId: 'c2', text: 'Failed' }, settledAt: 3, error: { code: 'x', message: 'y' } },
    ];
    const frames = [{ at: 10, event: event('text-delta', 'turn-9', { messageId: 'assistant-9', delta: 'Hi' }) }];
    expect(recordingOf(cassetteOf(frames, commands)).turns[0]).toMatchObject({ userText: 'Sent first', messageId: 'assistant-9' });
  });

  it('refuses a cassette of another version, and one without a single valid event', () => {
    expect(parseRecording({ ...cassetteOf([]), version: 2 })).toMatchObject({ ok: false, reason: expect.stringContaining('version 2 is not supported') });
    expect(parseRecording(cassetteOf([{ at: 0, event: { type: 'text-delta' } }]))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^it holds no valid event \(1 frame left out, the first for frame 0: /),
    });
    expect(parseRecording({ frames: 'none' })).toMatchObject({ ok: false, reason: expect.stringContaining('not a cassette') });
    expect(parseRecording('text')).toMatchObject({ ok: false, reason: expect.stringContaining('expected a cassette') });
  });
});

describe('parseRecording of an array of events', () => {
  it('takes delays from ts when the events have envelopes, and keeps the time an approval had left', () => {
    const event = createEventFactory('thread-a');
    const events = [
      { ...event('turn-start', 'turn-1', { messageId: 'm1', userMessage: { id: 'u1', text: 'Go' } }), ts: 1_000 },
      { ...event('approval-pending', 'turn-1', { approvalId: 'a1', tool: 'deploy', args: {}, expiresAt: 61_250 }), ts: 1_250 },
      { ...event('approval-resolved', 'turn-1', { approvalId: 'a1', decision: 'approved' }), ts: 4_250 },
    ];
    expect(recordingOf(events).turns).toEqual([
      {
        threadId: 'thread-a',
        userText: 'Go',
        messageId: 'm1',
        events: [
          { delayMs: 250, expiresInMs: 60_000, body: { type: 'approval-pending', approvalId: 'a1', tool: 'deploy', args: {}, expiresAt: 61_250 } },
          { delayMs: 3_000, body: { type: 'approval-resolved', approvalId: 'a1', decision: 'approved' } },
        ],
      },
    ]);
  });

  it('splits events without envelopes at each turn-start, with their own delayMs or a short default', () => {
    const events = [
      { type: 'text-delta', messageId: 'm0', delta: 'before any turn-start' },
      { type: 'turn-start', messageId: 'm1', userMessage: { id: 'u1', text: 'First' } },
      { type: 'text-delta', messageId: 'm1', delta: 'One', delayMs: 40 },
      { type: 'tool-call-start', toolCallId: 'call-1' },
      { type: 'turn-start', messageId: 'm2', userMessage: { id: 'u2', text: 'Second' } },
      { type: 'finish', finishReason: 'stop', usage, durationMs: 3 },
    ];
    const recording = recordingOf(events);
    expect(recording).toMatchObject({ invalidFrames: 1, firstInvalidReason: expect.stringMatching(/^event 3: /) });
    expect(recording.turns).toEqual([
      { threadId: null, userText: null, messageId: 'm0', events: [{ delayMs: BARE_EVENT_DELAY_MS, body: events[0] }] },
      { threadId: null, userText: 'First', messageId: 'm1', events: [{ delayMs: 40, body: { type: 'text-delta', messageId: 'm1', delta: 'One' } }] },
      { threadId: null, userText: 'Second', messageId: 'm2', events: [{ delayMs: BARE_EVENT_DELAY_MS, body: events[5] }] },
    ]);
  });
});
