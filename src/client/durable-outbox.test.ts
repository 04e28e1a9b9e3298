import { describe, expect, it } from 'vitest';
import { createFakeStorage } from '../testing/fake-storage.js';
import { PlatosClientError } from './client-error.js';
import { createDurableOutbox } from './durable-outbox.js';
import type { PeerChannel } from './shared-connection/peer-channel.js';
import type { DurableCommand, OutboxChange } from './types.js';

interface Sent {
  name: string;
  request: unknown;
  resolve(reply: unknown): void;
  reject(error: unknown): void;
}

function setup(options: { storage?: ReturnType<typeof createFakeStorage>; peers?: PeerChannel; queueTimeoutMs?: number } = {}) {
  const storage = options.storage ?? createFakeStorage();
  const sent: Sent[] = [];
  const outbox = createDurableOutbox({
    storage,
    queueTimeoutMs: options.queueTimeoutMs ?? 60_000,
    peers: options.peers,
    peerAnswerMs: 20,
    send: (name, request) => new Promise((resolve, reject) => sent.push({ name, request, resolve, reject })),
  });
  const changes: OutboxChange[] = [];
  outbox.subscribe((change) => changes.push(change));
  const seen = () => changes.map((change) => `${change.kind} ${change.command.key} ${change.command.origin} ${change.command.state}`);
  return { outbox, storage, sent, changes, seen };
}

/** Lets storage writes and peer messages settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Clients of one user in several tabs: each message reaches every other member, later and as a copy. */
function createPeerNetwork() {
  const members = new Set<Set<(message: unknown) => void>>();
  return {
    join(): PeerChannel {
      const listeners = new Set<(message: unknown) => void>();
      members.add(listeners);
      return {
        post(message) {
          const copy = structuredClone(message);
          for (const other of members) if (other !== listeners) queueMicrotask(() => other.forEach((listener) => listener(copy)));
        },
        subscribe(listener) {
          listeners.add(listener);
          return () => void listeners.delete(listener);
        },
      };
    },
  };
}

const stored = (key: string, since: number, extra: Partial<DurableCommand> = {}) => ({
  name: 'message:send',
  request: { threadId: 't1', clientMessageId: key, text: `text of ${key}` },
  key,
  threadId: 't1',
  since,
  state: 'pending',
  ...extra,
});

describe('createDurableOutbox', () => {
  it('keeps a command in memory and storage until it is acknowledged', async () => {
    const { outbox, storage, sent, seen } = setup();
    const reply = outbox.run('message:send', { threadId: 't1', clientMessageId: 'm1', text: 'Hi' }, 't1');
    expect(sent.map((item) => item.request)).toEqual([{ threadId: 't1', clientMessageId: 'm1', text: 'Hi' }]);
    expect(outbox.list()).toMatchObject([{ key: 'm1', threadId: 't1', origin: 'local', state: 'pending' }]);
    await settle();
    expect(storage.values.get('outbox:m1')).toMatchObject({ key: 'm1', state: 'pending', request: { text: 'Hi' } });
    sent[0]!.resolve({ ok: true, turnId: 'turn-1' });
    await expect(reply).resolves.toEqual({ ok: true, turnId: 'turn-1' });
    await settle();
    expect(outbox.list()).toEqual([]);
    expect(storage.values.size).toBe(0);
    expect(seen()).toEqual(['queued m1 local pending', 'delivered m1 local pending']);
  });

  it('keys approval answers by approvalId and cancels by turnId, with the thread given', async () => {
    const { outbox, storage } = setup();
    void outbox.run('approval:respond', { approvalId: 'ap-1', decision: 'approved' }, 't1');
    void outbox.run('turn:cancel', { threadId: 't2', turnId: 'turn-9' }, 't2');
    void outbox.run('approval:respond', { approvalId: 'ap-2', decision: 'denied', note: 'no' }, '');
    await settle();
    expect(outbox.list().map((command) => [command.name, command.key, command.threadId])).toEqual([
      ['approval:respond', 'ap-1', 't1'],
      ['turn:cancel', 'turn-9', 't2'],
      ['approval:respond', 'ap-2', ''],
    ]);
    expect([...storage.values.keys()]).toEqual(['outbox:ap-1', 'outbox:turn-9', 'outbox:ap-2']);
  });

  it('keeps a failed command, with its error, until it is discarded or sent again', async () => {
    const { outbox, storage, sent, seen } = setup();
    const reply = outbox.run('message:send', { threadId: 't1', clientMessageId: 'm1', text: 'Hi' }, 't1');
    sent[0]!.reject(new PlatosClientError('offline', 'message:send waited 60000 ms for a connection'));
    await expect(reply).rejects.toThrow('waited');
    await settle();
    expect(outbox.list()).toMatchObject([{ key: 'm1', state: 'failed', error: { code: 'offline' }, request: { text: 'Hi' } }]);
    expect(storage.values.get('outbox:m1')).toMatchObject({ state: 'failed', error: { code: 'offline' } });

    void outbox.run('message:send', { threadId: 't1', clientMessageId: 'm1', text: 'Hi' }, 't1');
    expect(outbox.list()).toMatchObject([{ key: 'm1', state: 'pending' }]);
    sent[1]!.reject(new PlatosClientError('rate_limited', 'Too many messages'));
    await settle();
    outbox.discard('m1');
    await settle();
    expect(outbox.list()).toEqual([]);
    expect(storage.values.size).toBe(0);
    expect(seen()).toEqual(['queued m1 local pending', 'failed m1 local failed', 'queued m1 local pending', 'failed m1 local failed', 'discarded m1 local failed']);
  });

  it('does not fail a command when the client closes: it stays stored, pending, for the next client', async () => {
    const { outbox, storage, sent, seen } = setup();
    void outbox.run('message:send', { threadId: 't1', clientMessageId: 'm1', text: 'Hi' }, 't1').catch(() => {});
    outbox.discard('m1');
    sent[0]!.reject(new PlatosClientError('closed', 'The client was closed'));
    await settle();
    expect(storage.values.get('outbox:m1')).toMatchObject({ state: 'pending' });
    expect(seen()).toEqual(['queued m1 local pending']);
  });

  it('resends what an earlier client left, once, with the same request, however often restore is called', async () => {
    const storage = createFakeStorage();
    const first = setup({ storage });
    void first.outbox.run('message:send', { threadId: 't1', clientMessageId: 'm1', text: 'Hi' }, 't1');
    void first.outbox.run('approval:respond', { approvalId: 'ap-1', decision: 'approved' }, 't1');
    await settle();

    const second = setup({ storage });
    await Promise.all([second.outbox.restore(), second.outbox.restore()]);
    await second.outbox.restore();
    expect(second.sent.map((item) => [item.name, item.request])).toEqual([
      ['message:send', { threadId: 't1', clientMessageId: 'm1', text: 'Hi' }],
      ['approval:respond', { approvalId: 'ap-1', decision: 'approved' }],
    ]);
    expect(second.outbox.list().map((command) => [command.key, command.origin])).toEqual([['m1', 'restored'], ['ap-1', 'restored']]);
    second.sent.forEach((item) => item.resolve({ ok: true, turnId: 'turn-1' }));
    await settle();
    await second.outbox.restore();
    expect(second.sent).toHaveLength(2);
    expect(storage.values.size).toBe(0);
    expect(second.seen()).toEqual(['queued m1 restored pending', 'queued ap-1 restored pending', 'delivered m1 restored pending', 'delivered ap-1 restored pending']);
  });

  it('does not restore what this client is delivering itself', async () => {
    const { outbox, sent } = setup();
    void outbox.run('message:send', { threadId: 't1', clientMessageId: 'm1', text: 'Hi' }, 't1');
    await settle();
    await outbox.restore();
    expect(sent).toHaveLength(1);
  });

  it('shows expired and failed stored commands as failed, with their text, and sends none of them', async () => {
    const storage = createFakeStorage();
    const now = Date.now();
    await storage.set('outbox:old', stored('old', now - 61_000));
    await storage.set('outbox:refused', stored('refused', now - 1_000, { state: 'failed', error: { code: 'forbidden', message: 'No' } }));
    const { outbox, sent, seen } = setup({ storage });
    await outbox.restore();
    await outbox.restore();
    await settle();
    expect(sent).toEqual([]);
    expect(seen()).toEqual(['queued old restored pending', 'failed old restored failed', 'queued refused restored pending', 'failed refused restored failed']);
    const [old, refused] = outbox.list();
    expect(old).toMatchObject({ request: { text: 'text of old' }, error: { code: 'offline' } });
    expect(old?.error?.message).toContain('60000 ms');
    expect(refused).toMatchObject({ error: { code: 'forbidden', message: 'No' } });
    expect(storage.values.get('outbox:old')).toMatchObject({ state: 'failed', error: { code: 'offline' } });
  });

  it('deletes stored records that are not durable commands, and sends none of them', async () => {
    const storage = createFakeStorage();
    await storage.set('outbox:bad', { name: 'message:send', key: 'bad', request: { threadId: 't1' } });
    await storage.set('outbox:other', stored('mismatch', Date.now()));
    await storage.set('outbox:junk', 'junk');
    const { outbox, sent } = setup({ storage });
    await outbox.restore();
    expect(sent).toEqual([]);
    expect(storage.values.size).toBe(0);
  });

  it("shows another tab's commands as the peer's until they are delivered or discarded", async () => {
    const network = createPeerNetwork();
    const storage = createFakeStorage();
    const tabA = setup({ storage, peers: network.join() });
    const tabB = setup({ storage, peers: network.join() });
    void tabA.outbox.run('message:send', { threadId: 't1', clientMessageId: 'm1', text: 'Hi' }, 't1');
    void tabA.outbox.run('message:send', { threadId: 't1', clientMessageId: 'm2', text: 'Again' }, 't1').catch(() => {});
    await settle();
    expect(tabB.outbox.list().map((command) => [command.key, command.origin, command.state])).toEqual([['m1', 'peer', 'pending'], ['m2', 'peer', 'pending']]);
    tabA.sent[0]!.resolve({ ok: true, turnId: 'turn-1' });
    tabA.sent[1]!.reject(new PlatosClientError('forbidden', 'No'));
    await settle();
    expect(tabB.outbox.list()).toMatchObject([{ key: 'm2', origin: 'peer', state: 'failed', error: { code: 'forbidden' } }]);
    tabB.outbox.discard('m2');
    await settle();
    expect(tabA.outbox.list()).toEqual([]);
    expect(storage.values.size).toBe(0);
    expect(tabB.seen()).toEqual(['queued m1 peer pending', 'queued m2 peer pending', 'delivered m1 peer pending', 'failed m2 peer failed', 'discarded m2 peer failed']);
    expect(tabB.sent).toEqual([]);
  });

  it('leaves to a peer the restored commands it is already delivering', async () => {
    const network = createPeerNetwork();
    const storage = createFakeStorage();
    const tabA = setup({ storage, peers: network.join() });
    void tabA.outbox.run('message:send', { threadId: 't1', clientMessageId: 'held', text: 'Hi' }, 't1');
    await settle();
    await storage.set('outbox:orphan', stored('orphan', Date.now()));

    const tabB = setup({ storage, peers: network.join() });
    await tabB.outbox.restore();
    expect(tabB.sent.map((item) => (item.request as { clientMessageId: string }).clientMessageId)).toEqual(['orphan']);
    expect(tabB.outbox.list().map((command) => [command.key, command.origin])).toEqual([['held', 'peer'], ['orphan', 'restored']]);
    expect(tabA.sent).toHaveLength(1);
  });

  it('ignores peer messages of the wrong shape', async () => {
    const network = createPeerNetwork();
    const rogue = network.join();
    const { outbox, changes } = setup({ peers: network.join() });
    for (const message of [
      null,
      'outbox',
      { t: 'outbox' },
      { t: 'outbox', change: { kind: 'queued', command: { ...stored('m1', 1), request: null } } },
      { t: 'outbox', change: { kind: 'exploded', command: stored('m1', 1) } },
      { t: 'outbox', change: { kind: 'queued', command: { ...stored('m1', 1), key: 'not-its-key' } } },
      { t: 'outbox-held?', keys: 'm1' },
      { t: 'outbox-held', keys: [1] },
    ]) {
      rogue.post(message);
    }
    await settle();
    expect(changes).toEqual([]);
    expect(outbox.list()).toEqual([]);
  });
});
