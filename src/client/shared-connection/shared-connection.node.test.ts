import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../../mock-server/create-mock-server.js';
import { createFakeLocks } from '../../../test/support/tabs/fake-locks.js';
import { createMemoryBroadcast } from '../../../test/support/tabs/memory-broadcast.js';
import { parseEventId, type ServerEvent } from '../../protocol/index.js';
import { createPlatosClient } from '../create-platos-client.js';
import type { PlatosClient } from '../types.js';

type MockServer = Awaited<ReturnType<typeof createMockServer>>;
let server: MockServer;
let open: PlatosClient[] = [];

beforeAll(async () => {
  server = await createMockServer({ port: 0, tokens: ['test-token'], speed: 20 });
});
afterEach(() => {
  open.forEach((client) => client.close());
  open = [];
});
afterAll(() => server.close());

/** Three tabs of one origin: one BroadcastChannel namespace and one lock manager between them. */
function openTabs(count: number, options: { locks?: boolean } = {}) {
  const broadcast = createMemoryBroadcast();
  const locks = options.locks === false ? null : createFakeLocks();
  const socketsMadeBy: number[] = [];
  const tabs = Array.from({ length: count }, (_, index) => {
    const client = createPlatosClient({
      url: server.url,
      token: 'test-token',
      transports: ['websocket'],
      reconnect: { baseMs: 50, capMs: 100 },
      persist: false,
      sharedConnection: { broadcastChannel: broadcast.factory, locks, timing: { heartbeatMs: 100, leaderTimeoutMs: 500, claimMs: 50 } },
      socketFactory: (url, socketOptions) => {
        socketsMadeBy.push(index);
        return io(url, socketOptions);
      },
    });
    open.push(client);
    return client;
  });
  return { tabs, socketsMadeBy };
}

function record(client: PlatosClient, threadId: string) {
  const events: ServerEvent[] = [];
  const stop = client.threads.watch(threadId, (update) => {
    if (update.kind === 'event') events.push(update.event);
  });
  return { events, stop };
}

const until = async (condition: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
const finished = (events: ServerEvent[]) => events.some((event) => event.type === 'finish');
const ids = (events: ServerEvent[]) => events.map((event) => event.id);
const contiguousSeqs = (events: ServerEvent[]) => events.every((event, index) => index === 0 || parseEventId(event.id)!.seq === parseEventId(events[index - 1]!.id)!.seq + 1);

describe('tabs sharing one connection', () => {
  for (const locks of [true, false]) {
    it(`three tabs stream one turn over one socket, each getting every event once (${locks ? 'Web Locks' : 'BroadcastChannel election'})`, async () => {
      const { tabs, socketsMadeBy } = openTabs(3, { locks });
      const threadId = `shared-${locks}-${Date.now()}`;
      const seen = tabs.map((tab) => record(tab, threadId));
      await until(() => tabs.every((tab) => tab.connection.getState() === 'open'));
      await tabs[2]!.threads.send(threadId, 'echo one socket for three tabs');
      await until(() => seen.every(({ events }) => finished(events)));
      expect(socketsMadeBy).toHaveLength(1);
      expect(ids(seen[1]!.events)).toEqual(ids(seen[0]!.events));
      expect(ids(seen[2]!.events)).toEqual(ids(seen[0]!.events));
      expect(new Set(ids(seen[0]!.events)).size).toBe(seen[0]!.events.length);
      expect(contiguousSeqs(seen[0]!.events)).toBe(true);
    });
  }

  it('a message sent in one tab and an approval answered there show in the others as soon as they are queued', async () => {
    const { tabs } = openTabs(2);
    const threadId = `shared-outbox-${Date.now()}`;
    await until(() => tabs.every((tab) => tab.connection.getState() === 'open'));
    const heard: string[] = [];
    tabs[1]!.outbox.subscribe((change) => heard.push(`${change.kind} ${change.command.name} ${change.command.origin}`));
    const sent = tabs[0]!.threads.send(threadId, 'echo seen next door');
    await until(() => heard.length > 0, 2_000);
    expect(heard[0]).toBe('queued message:send peer');
    await sent;
    await until(() => heard.includes('delivered message:send peer'));
    expect(tabs[1]!.outbox.list()).toEqual([]);
  });

  it('one tab leaving a thread does not unsubscribe the others', async () => {
    const { tabs } = openTabs(2);
    const threadId = `shared-leave-${Date.now()}`;
    const first = record(tabs[0]!, threadId);
    const second = record(tabs[1]!, threadId);
    await until(() => tabs.every((tab) => tab.connection.getState() === 'open'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await tabs[1]!.threads.send(threadId, 'echo still here');
    await until(() => finished(second.events));
    expect(first.events).toEqual([]);
  });

  it('closing the leader mid-turn: another tab takes over and the others finish the turn with nothing lost or doubled', async () => {
    const { tabs, socketsMadeBy } = openTabs(3);
    const threadId = `shared-handover-${Date.now()}`;
    const seen = tabs.map((tab) => record(tab, threadId));
    await until(() => tabs.every((tab) => tab.connection.getState() === 'open'));
    const leader = socketsMadeBy[0]!;
    const sender = (leader + 1) % 3;
    await tabs[sender]!.threads.send(threadId, 'long answer please');
    await until(() => seen[sender]!.events.filter((event) => event.type === 'text-delta').length >= 3);
    expect(finished(seen[sender]!.events)).toBe(false);
    const closedAt = Date.now();
    tabs[leader]!.close();
    const rest = [0, 1, 2].filter((index) => index !== leader);
    await until(() => rest.every((index) => tabs[index]!.connection.getState() === 'reconnecting' || tabs[index]!.connection.getState() === 'open'));
    await until(() => socketsMadeBy.length === 2);
    const tookOverMs = Date.now() - closedAt;
    await until(() => rest.every((index) => finished(seen[index]!.events)), 20_000);
    expect(tookOverMs).toBeLessThan(2_000);
    const [a, b] = rest.map((index) => seen[index]!.events);
    expect(ids(a!)).toEqual(ids(b!));
    expect(new Set(ids(a!)).size).toBe(a!.length);
    expect(contiguousSeqs(a!)).toBe(true);
    const uncut = openTabs(1).tabs[0]!;
    const uncutThread = `${threadId}-uncut`;
    const reference = record(uncut, uncutThread);
    await until(() => uncut.connection.getState() === 'open');
    await uncut.threads.send(uncutThread, 'long answer please');
    await until(() => finished(reference.events), 20_000);
    const shape = (events: ServerEvent[]) => events.map((event) => [event.type, parseEventId(event.id)!.seq]);
    expect(shape(a!)).toEqual(shape(reference.events));
  });
});
