import { describe, expect, it } from 'vitest';
import { parseServerEvent } from '../../src/protocol/index.js';
import {
  bindScenarioEvent,
  DEFAULT_SCENARIO_TEXT,
  defaultScenario,
  isApprovalWait,
  isClientToolWait,
  isWaitStep,
  parseScenarioFile,
  pickScenario,
  scenarioText,
  scenariosByFirstWord,
  streamText,
  type ApprovalOutcome,
  type ClientToolOutcome,
  type ScenarioStep,
} from './index.js';

const context = { userText: 'hello there', turnIndex: 0 };
const binding = { turnId: 'turn-1', messageId: 'turn-1.assistant', now: 2_000, startedAt: 1_000 };

const filters: ClientToolOutcome = { result: { region: 'Europe', budget: 500, days: 3 } };

async function collect(
  played: ReturnType<(typeof scenariosByFirstWord)[keyof typeof scenariosByFirstWord]>,
  outcome: ApprovalOutcome,
  toolOutcome: ClientToolOutcome = filters,
) {
  if (Array.isArray(played)) return played;
  const steps: ScenarioStep[] = [];
  let next = await played.next();
  while (!next.done) {
    steps.push(next.value);
    next = await played.next(isApprovalWait(next.value) ? outcome : isClientToolWait(next.value) ? toolOutcome : undefined);
  }
  return steps;
}

describe('scenarios', () => {
  it.each([
    ['Echo me', 'echo'],
    ['  FAIL loudly', 'fail'],
    ['long', 'long'],
    ['tools?', 'default'],
    ['approve this', 'approve'],
    ['echoes', 'default'],
    ['', 'default'],
    ['Hostile markdown-image', 'hostile'],
    ['hostiles', 'default'],
    ['Browser read my filters', 'browser'],
    ['browser-fail now', 'browser-fail'],
    ['browser-approve', 'browser-approve'],
    ['browser-slow one two', 'browser-slow'],
  ])('picks by the first word: %j -> %s', (text, name) => {
    expect(pickScenario(text).name).toBe(name);
  });

  it('plays a hostile scenario by name from the corpus it is given, case-insensitively', async () => {
    const steps: ScenarioStep[] = [{ type: 'text-delta', delta: '<img src=x>' }];
    const corpus = new Map([['tag-soup', steps]]);
    expect(await collect(pickScenario('hostile TAG-SOUP please', corpus).scenario(context), 'approved')).toEqual(steps);
  });

  it.each([
    ['hostile', undefined, 'Name a hostile scenario'],
    ['hostile ../secrets', new Map(), 'a-z, 0-9 and "-" only'],
    ['hostile missing', new Map([['b', []], ['a', []]]), 'No hostile scenario "missing"; known: a, b.'],
    ['hostile anything', undefined, 'played by the Node mock server only'],
  ])('answers %j with a non-retryable error event', async (text, corpus, message) => {
    const steps = await collect(pickScenario(text, corpus).scenario(context), 'approved');
    expect(steps).toEqual([{ type: 'error', code: 'hostile_scenario_unavailable', message: expect.stringContaining(message) as unknown, retryable: false }]);
  });

  it.each(Object.keys(scenariosByFirstWord))('%s emits only valid events once the envelope is filled in', async (name) => {
    const played = scenariosByFirstWord[name as keyof typeof scenariosByFirstWord](context);
    const steps = await collect(played, 'approved');
    const events = steps.flatMap((step, index) =>
      isWaitStep(step) ? [] : [{ ...bindScenarioEvent(step, binding), id: `e-${index + 1}`, seq: index + 1, threadId: 't', turnId: 'turn-1', ts: 1 }],
    );
    expect(events.length).toBeGreaterThan(1);
    expect(events.map((event) => parseServerEvent(event)).filter((result) => !result.ok)).toEqual([]);
    expect(parseScenarioFile(JSON.parse(JSON.stringify(steps)))).toMatchObject({ ok: true });
  });

  it('lets a generator scenario answer according to the approval outcome', async () => {
    const approved = scenarioText(await collect(scenariosByFirstWord.approve(), 'approved'));
    const expired = scenarioText(await collect(scenariosByFirstWord.approve(), 'expired'));
    expect(approved).toContain('the file is deleted');
    expect(expired).toContain('nothing was deleted (expired)');
  });

  it('answers browser with the values the browser tool returned, and reports its error otherwise', async () => {
    const steps = await collect(scenariosByFirstWord.browser(), 'approved');
    expect(steps.filter(isWaitStep)).toEqual([{ wait: 'client-tool', toolCallId: 'call-filters', tool: 'read_filters', args: { fields: ['region', 'budget', 'days'] } }]);
    expect(scenarioText(steps)).toContain('Your filters say: region Europe, budget 500, days 3.');
    const failed = await collect(scenariosByFirstWord['browser-fail'](), 'approved', { error: { code: 'invalid_args', message: 'weather is not a filter' } });
    expect(failed.filter(isWaitStep)).toMatchObject([{ args: { fields: ['weather'] } }]);
    expect(scenarioText(failed)).toContain('I could not read your filters: weather is not a filter (invalid_args).');
  });

  it('flattens and shortens what the browser returned before quoting it', async () => {
    const hostile = { result: { note: 'line one\n\u0000## line two', long: 'x'.repeat(500), nested: { a: [1, 2] } } };
    const text = scenarioText(await collect(scenariosByFirstWord.browser(), 'approved', hostile));
    expect(text).toContain('note line one ## line two, long ' + 'x'.repeat(79) + '…, nested {"a":[1,2]}.');
  });

  it('invokes the browser tool of browser-approve only once approved', async () => {
    const approved = await collect(scenariosByFirstWord['browser-approve'](), 'approved');
    expect(approved.filter(isWaitStep).map((step) => step.wait)).toEqual(['approval', 'client-tool']);
    const pending = approved.find((step) => 'type' in step && step.type === 'approval-pending');
    expect(pending).toMatchObject({ toolCallId: 'call-filters', tool: 'read_filters' });
    const denied = await collect(scenariosByFirstWord['browser-approve'](), 'denied');
    expect(denied.filter(isWaitStep).map((step) => step.wait)).toEqual(['approval']);
    expect(denied).toContainEqual({ type: 'tool-call-error', toolCallId: 'call-filters', error: { code: 'not_approved', message: 'The call was not approved (denied).' } });
  });

  it('exports the full text of the default scenario', () => {
    const steps = defaultScenario(context);
    expect(scenarioText(steps)).toBe(DEFAULT_SCENARIO_TEXT);
    expect(DEFAULT_SCENARIO_TEXT).toMatch(/^## /);
    expect(DEFAULT_SCENARIO_TEXT).toContain('```ts');
    expect(DEFAULT_SCENARIO_TEXT).toContain('| --- |');
    const totalDelayMs = steps.reduce((sum, step) => sum + (step.delayMs ?? 0), 0);
    expect(totalDelayMs).toBeGreaterThanOrEqual(6_000);
    expect(totalDelayMs).toBeLessThanOrEqual(10_000);
  });

  it('streams text in small word-ish pieces that add up to the text', () => {
    const text = 'A sentence with an extraordinarily long word,\n\n- and a list';
    const steps = streamText(text);
    expect(scenarioText(steps)).toBe(text);
    expect(steps.every((step) => 'type' in step && step.type === 'text-delta' && step.delta.trim().length <= 8)).toBe(true);
  });

  it('scopes entity ids to the turn and fills in server-side fields', () => {
    expect(bindScenarioEvent({ type: 'tool-call-start', toolCallId: 'c', tool: 'x', stepId: 's' }, binding)).toEqual({
      type: 'tool-call-start',
      toolCallId: 'turn-1.c',
      tool: 'x',
      stepId: 'turn-1.s',
    });
    expect(bindScenarioEvent({ type: 'approval-pending', approvalId: 'a', tool: 'x', args: {}, expiresInMs: 500 }, binding)).toMatchObject({
      approvalId: 'turn-1.a',
      expiresAt: 2_500,
    });
    expect(bindScenarioEvent({ type: 'text-delta', delta: 'hi', delayMs: 3 }, binding)).toEqual({ type: 'text-delta', delta: 'hi', messageId: 'turn-1.assistant' });
    expect(bindScenarioEvent({ type: 'finish', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 } }, binding)).toMatchObject({
      durationMs: 1_000,
    });
  });
});
