import { afterEach, describe, expect, it } from 'vitest';
import { createPlatosClient } from '../../client/create-platos-client.js';
import type { ServerEvent } from '../../protocol/index.js';
import { createEventFactory } from '../../../test/support/event-factory.js';
import { createFakeSocket } from '../../../test/support/fake-socket.js';
import { createPlatosStore } from '../create-platos-store.js';
import { readEvents } from '../event-log.js';
import { createManualScheduler } from '../frame-scheduler.js';
import { applyEvent } from './apply-event.js';
import { createThreadView } from './create-thread-view.js';
import { viewFromHistory, viewToHistory } from './history.js';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const polluted = () => ({}) as { polluted?: unknown };

function connectedStore() {
  const fake = createFakeSocket();
  fake.respond = () => ({ ok: true, resumed: false, lastEventId: null });
  const client = createPlatosClient({ url: 'http://127.0.0.1:4000', token: 't', socketFactory: fake.factory, liveness: false, network: null });
  const scheduler = createManualScheduler();
  const store = createPlatosStore({ client, scheduler });
  store.watchThread('thread-1');
  fake.serverConnect();
  const view = () => {
    scheduler.runFrame();
    return store.getState().threads['thread-1']!.view;
  };
  return { fake, client, store, view, close: () => (store.destroy(), client.close()) };
}

/** The JSON text a server would send, with `extra` spliced into the object at `field` as raw text. */
function frameWith(event: ServerEvent, field: string, extra: string): unknown {
  const text = JSON.stringify(event).replace(`"${field}":{`, `"${field}":{${extra},`);
  return JSON.parse(text);
}

let close: () => void = () => {};
afterEach(() => close());

describe('ids that name Object.prototype members', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('a view fed %j directly stays correct', (id) => {
    const event = createEventFactory();
    const events = [
      event('turn-start', id, { messageId: id, userMessage: { id: `u-${id}`, text: 'hi' } }),
      event('tool-call-start', id, { toolCallId: id, tool: 'search' }),
      event('tool-call-result', id, { toolCallId: id, result: { ok: true } }),
      event('step-start', id, { stepId: id, index: 0 }),
      event('run-update', id, { runId: id, status: 'running', progress: 5 }),
      event('approval-pending', id, { approvalId: id, tool: 'rm', args: {} }),
      event('artifact-created', id, { artifactId: id, kind: 'code', title: 't', content: 'a', version: 1 }),
    ];
    const view = events.reduce(applyEvent, createThreadView('thread-1'));
    expect(Object.hasOwn(view.toolCalls, id)).toBe(true);
    expect(view.toolCalls[id]).toMatchObject({ id, status: 'succeeded', result: { ok: true } });
    expect(view.messages[id]).toMatchObject({ role: 'assistant', parts: expect.arrayContaining([{ type: 'tool-call', toolCallId: id }]) });
    expect(Object.getPrototypeOf(view.toolCalls)).toBe(Object.prototype);
    const rebuilt = viewFromHistory(JSON.parse(JSON.stringify(viewToHistory(view))));
    expect(rebuilt).toEqual(view);
    expect(Object.getPrototypeOf(rebuilt.messages)).toBe(Object.prototype);
  });

  it('a client drops frames carrying them, and the store view stays as before', async () => {
    const run = connectedStore();
    close = run.close;
    await flush();
    const event = createEventFactory();
    run.fake.serverEmit('turn-start', event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'hi' } }));
    const before = run.view();
    const hostile = createEventFactory('thread-1', 'e1');
    hostile('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'hi' } });
    run.fake.serverEmit('tool-call-start', hostile('tool-call-start', 't1', { toolCallId: 'constructor', tool: 'search' }));
    run.fake.serverEmit('text-delta', hostile('text-delta', 'toString', { messageId: 'a1', delta: 'x' }));
    expect(run.view()).toBe(before);
    expect(run.client.getStats()).toMatchObject({ malformedFrames: 2, rejectedFrames: { invalid: 2 } });
  });
});

describe('prototype keys in frames', () => {
  it('never reach a prototype: the store holds plain data without them', async () => {
    const run = connectedStore();
    close = run.close;
    await flush();
    const event = createEventFactory();
    const proto = '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}';
    run.fake.serverEmit('turn-start', frameWith(event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'hi' } }), 'userMessage', proto));
    run.fake.serverEmit('tool-call-start', event('tool-call-start', 't1', { toolCallId: 'tc1', tool: 'search' }));
    run.fake.serverEmit('tool-call-result', frameWith(event('tool-call-result', 't1', { toolCallId: 'tc1', result: { hits: 2 } }), 'result', proto));
    run.fake.serverEmit('approval-pending', frameWith(event('approval-pending', 't1', { approvalId: 'ap1', tool: 'rm', args: { path: '/' } }), 'args', proto));
    const view = run.view();
    expect(polluted().polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(view.messages.u1).toEqual({ id: 'u1', role: 'user', turnId: 't1', text: 'hi' });
    expect(view.toolCalls.tc1?.result).toEqual({ hits: 2 });
    expect(Object.keys(view.toolCalls.tc1?.result as object)).toEqual(['hits']);
    expect(Object.getPrototypeOf(view.toolCalls.tc1?.result)).toBe(Object.prototype);
    expect(view.approvals.ap1?.args).toEqual({ path: '/' });
    expect(Object.getPrototypeOf(view.approvals.ap1?.args)).toBe(Object.prototype);
    expect(run.client.getStats()).toMatchObject({ malformedFrames: 0, sanitizedFrames: 3 });
  });

  it('ignores unknown fields', async () => {
    const run = connectedStore();
    close = run.close;
    await flush();
    const event = createEventFactory();
    const start = event('turn-start', 't1', { messageId: 'a1', userMessage: { id: 'u1', text: 'hi' } });
    run.fake.serverEmit('turn-start', { ...start, mood: 'sly', userMessage: { ...start.userMessage, isAdmin: true } });
    expect(run.view().messages.u1).toEqual({ id: 'u1', role: 'user', turnId: 't1', text: 'hi' });
    expect(readEvents(run.store.getState().threads['thread-1']!.eventLog)).toEqual([start]);
  });
});
