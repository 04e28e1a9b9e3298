import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from '../../mock-server/create-mock-server.js';
import { createPlatosClient } from './create-platos-client.js';
import type { PlatosClientOptions } from './client-options.js';
import { fetchHistory } from './history-fetch.js';
import { createMemoryBackend } from './storage/memory-backend.js';
import type { PlatosClient } from './types.js';

type MockServer = Awaited<ReturnType<typeof createMockServer>>;

let server: MockServer;
const clients: PlatosClient[] = [];

beforeAll(async () => {
  server = await createMockServer({ port: 0, tokens: ['test-token'], speed: 50 });
});
afterAll(async () => {
  clients.forEach((client) => client.close());
  await server.close();
});

function connect(overrides: Partial<PlatosClientOptions>) {
  const client = createPlatosClient({ url: server.url, token: 'test-token', transports: ['websocket'], reconnect: { baseMs: 50, capMs: 100 }, ...overrides });
  clients.push(client);
  return client;
}

describe('durable outbox against the mock server', () => {
  it('delivers exactly once, from the next client of the same scope, a message a closed client never got out', async () => {
    const values = new Map<string, unknown>();
    // The same scope as the server's, but its socket goes to a port nobody listens on.
    const unreachable = connect({
      persist: { backend: createMemoryBackend(values) },
      socketFactory: (namespaceUrl, options) => io(namespaceUrl.replace(new URL(server.url).host, '127.0.0.1:9'), options),
    });
    const lost = unreachable.threads.send('it-durable', 'echo kept', { clientMessageId: 'durable-1' });
    await expect.poll(() => values.size).toBe(1);
    unreachable.close();
    await expect(lost).rejects.toMatchObject({ code: 'closed' });

    const next = connect({ persist: { backend: createMemoryBackend(values) } });
    const resent: unknown[] = [];
    next.observe({ command: (name, request) => name === 'message:send' && resent.push(request) });
    const changes: string[] = [];
    next.outbox.subscribe((change) => changes.push(`${change.kind} ${change.command.key} ${change.command.origin}`));
    await expect.poll(() => changes, { timeout: 5_000 }).toEqual(['queued durable-1 restored', 'delivered durable-1 restored']);
    expect(next.outbox.list()).toEqual([]);
    await expect.poll(() => values.size).toBe(0);
    expect(resent).toEqual([{ threadId: 'it-durable', clientMessageId: 'durable-1', text: 'echo kept' }]);
    // A third client of the scope finds nothing left to send.
    const third = connect({ persist: { backend: createMemoryBackend(values) } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(third.outbox.list()).toEqual([]);

    const history = await fetchHistory({ baseUrl: server.url, agentId: 'default', threadId: 'it-durable', token: 'test-token', fetch });
    const sent = history.messages.filter((message) => message.role === 'user' && message.clientMessageId === 'durable-1');
    expect(sent.map((message) => message.role === 'user' && message.text)).toEqual(['echo kept']);
  });
});
