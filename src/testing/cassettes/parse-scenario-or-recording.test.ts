import { describe, expect, it } from 'vitest';
import { parseScenarioOrRecording } from './parse-scenario-or-recording.js';

const finish = { type: 'finish', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 } };

describe('parseScenarioOrRecording', () => {
  it('keeps an array that passes as scenario steps a scenario', () => {
    const steps = [{ type: 'text-delta', delta: 'Hi', delayMs: 5 }, { wait: 'approval', approvalId: 'a1' }, finish];
    expect(parseScenarioOrRecording(steps)).toEqual({ ok: true, kind: 'steps', steps });
  });

  it('reads an array with what only recordings have as recorded events', () => {
    const parsed = parseScenarioOrRecording([{ type: 'text-delta', messageId: 'm1', delta: 'Hi' }, { ...finish, durationMs: 4 }]);
    expect(parsed).toMatchObject({ ok: true, kind: 'recording', recording: { turns: [{ messageId: 'm1', events: [{}, {}] }] } });
  });

  it('reports a mistake in a scenario as one, instead of playing what is left as a recording', () => {
    const parsed = parseScenarioOrRecording([{ type: 'tool-call-start', toolCallId: 'c1', tool: 'lookup' }, { type: 'text', delta: 'typo' }]);
    expect(parsed).toEqual({ ok: false, reason: expect.stringMatching(/^step 1: "type" must be one of/) });
  });

  it('gives both reasons for an array that is neither valid steps nor valid recorded events', () => {
    const parsed = parseScenarioOrRecording([{ type: 'turn-start', messageId: 'm' }]);
    expect(parsed).toEqual({ ok: false, reason: expect.stringContaining('turn-start is emitted by the server') });
    expect(parsed).toEqual({ ok: false, reason: expect.stringContaining('as recorded events, it holds no valid event (1 frame left out, the first for event 0: userMessage') });
  });

  it('reads an object with frames as a cassette', () => {
    expect(parseScenarioOrRecording({ frames: [] })).toMatchObject({ ok: false, reason: expect.stringContaining('not a cassette') });
  });
});
