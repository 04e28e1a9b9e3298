import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeSocket } from '../../test/support/fake-socket.js';
import { createCommandChannel } from './command-channel.js';
import { PlatosClientError } from './client-error.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const fake = createFakeSocket();
  const verdicts = { alive: true, asked: 0 };
  const channel = createCommandChannel(fake.socket, {
    ackTimeoutMs: 1_000,
    queueTimeoutMs: 5_000,
    onAnswer: () => {},
    verifyConnection: async () => (verdicts.asked++, verdicts.alive),
  });
  const reconnect = () => {
    fake.serverConnect();
    channel.flush();
  };
  const drop = () => {
    fake.serverDisconnect();
    channel.requeueInFlight();
  };
  return { fake, channel, reconnect, drop, verdicts };
}
const overdue = () => new Promise((_resolve, reject) => setTimeout(() => reject(new Error('operation has timed out')), 1_000));
const sendRequest = (text: string) => ({ threadId: 't1', clientMessageId: `cm-${text}`, text });
const outcome = (promise: Promise<unknown>) => promise.then((value) => ({ value }), (error: PlatosClientError) => ({ code: error.code }));

describe('createCommandChannel', () => {
  it('queues commands made without a connection and sends them in order once connected', async () => {
    const { fake, channel, reconnect } = setup();
    fake.respond = (_name, request) => ({ ok: true, turnId: `turn-${request.text}` });
    const first = channel.send('message:send', sendRequest('a'), { queue: true });
    const second = channel.send('approval:respond', { approvalId: 'ap1', decision: 'approved' }, { queue: true });
    expect(fake.commands).toHaveLength(0);
    expect(channel.queuedCount).toBe(2);
    reconnect();
    await expect(first).resolves.toEqual({ ok: true, turnId: 'turn-a' });
    await second;
    expect(fake.commands.map((command) => command.name)).toEqual(['message:send', 'approval:respond']);
  });

  it('sends a queued command again after a drop lost its acknowledgement, with the same request', async () => {
    const { fake, channel, reconnect, drop } = setup();
    fake.serverConnect();
    fake.respond = () => new Promise(() => {});
    const sent = channel.send('message:send', sendRequest('a'), { queue: true });
    drop();
    await vi.advanceTimersByTimeAsync(0);
    fake.respond = () => ({ ok: true, turnId: 'turn-a' });
    reconnect();
    await expect(sent).resolves.toEqual({ ok: true, turnId: 'turn-a' });
    expect(fake.commands.map((command) => command.request)).toEqual([sendRequest('a'), sendRequest('a')]);
  });

  it('fails a command that is not queueable when the connection drops', async () => {
    const { fake, channel, drop } = setup();
    fake.serverConnect();
    fake.respond = () => new Promise(() => {});
    const subscribe = outcome(channel.send('thread:subscribe', { threadId: 't1' }));
    drop();
    expect(await subscribe).toEqual({ code: 'disconnected' });
    expect(await outcome(channel.send('thread:subscribe', { threadId: 't1' }))).toEqual({ code: 'disconnected' });
  });

  it('fails a queued command with "offline" once it waited queueTimeoutMs for a connection', async () => {
    const { channel } = setup();
    const sent = outcome(channel.send('turn:cancel', { threadId: 't1', turnId: 'turn-1' }, { queue: true }));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(channel.queuedCount).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await sent).toEqual({ code: 'offline' });
    expect(channel.queuedCount).toBe(0);
  });

  it('sends an overdue queued command again on a connection that still answers, and fails it after three tries', async () => {
    const { fake, channel, verdicts } = setup();
    fake.serverConnect();
    fake.respond = overdue;
    const sent = outcome(channel.send('message:send', sendRequest('a'), { queue: true }));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(await sent).toEqual({ code: 'timeout' });
    expect(verdicts.asked).toBe(2);
    expect(fake.commands.map((command) => command.request)).toEqual([sendRequest('a'), sendRequest('a'), sendRequest('a')]);
  });

  it('keeps an overdue queued command for the next connection when the current one is dead (half-open)', async () => {
    const { fake, channel, verdicts, reconnect, drop } = setup();
    fake.serverConnect();
    fake.respond = overdue;
    verdicts.alive = false;
    const sent = channel.send('message:send', sendRequest('a'), { queue: true });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.commands).toHaveLength(1);
    drop();
    fake.respond = () => ({ ok: true, turnId: 'turn-a' });
    reconnect();
    await expect(sent).resolves.toEqual({ ok: true, turnId: 'turn-a' });
    expect(fake.commands).toHaveLength(2);
  });

  it('fails a command that is not queued as soon as its acknowledgement is overdue', async () => {
    const { fake, channel, verdicts } = setup();
    fake.serverConnect();
    fake.respond = overdue;
    const subscribe = outcome(channel.send('thread:subscribe', { threadId: 't1' }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await subscribe).toEqual({ code: 'timeout' });
    expect(verdicts.asked).toBe(0);
  });

  it('fails everything queued, and everything later, after failAll', async () => {
    const { channel } = setup();
    const queued = outcome(channel.send('message:send', sendRequest('a'), { queue: true }));
    channel.failAll(new PlatosClientError('unauthorized', 'rejected'));
    expect(await queued).toEqual({ code: 'unauthorized' });
    expect(await outcome(channel.send('message:send', sendRequest('b'), { queue: true }))).toEqual({ code: 'unauthorized' });
    channel.reopen();
    expect(channel.queuedCount).toBe(0);
  });
});
