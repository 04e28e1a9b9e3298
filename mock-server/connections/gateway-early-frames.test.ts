import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../src/protocol/index.js';
import { createMockServer, type MockServer } from '../create-mock-server.js';
import { connectGateway, tool } from '../testing/gateway-test-helpers.js';
import { connected } from '../testing/mock-server-harness.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ tokens: ['test-token'], speed: 0, authDelayMs: 300 });
});
afterAll(() => server.close());

/** Frame 0 subscribes; then `tools:sync` revisions 1 to 10 at odd places with a `connection:ping` between each two. */
function earlyFrames() {
  return Array.from({ length: 20 }, (_, index) => {
    if (index === 0) return { label: 'subscribe', name: 'connections:subscribe', request: {} };
    if (index % 2 === 1) {
      const revision = (index + 1) / 2;
      return { label: `sync ${revision}`, name: 'tools:sync', request: { revision, tools: [tool(`tool_${revision}`)] } };
    }
    return { label: `ping ${index / 2}`, name: 'connection:ping', request: {} };
  });
}

describe('gateway frames sent during a slow session lookup', () => {
  it('are all handled, in arrival order, once the session is ready', async () => {
    const socket = connectGateway(server.url, { sessionId: 'early' });
    await connected(socket);
    const frames = earlyFrames();
    const acknowledged: string[] = [];
    const syncedRevisions: number[] = [];
    await Promise.all(
      frames.map(({ label, name, request }) =>
        (socket.timeout(3_000).emitWithAck(name, request) as Promise<Ack & { revision?: number }>).then(
          (ack) => {
            acknowledged.push(`${label} ${ack.ok}`);
            if (ack.ok && ack.revision !== undefined) syncedRevisions.push(ack.revision);
          },
          () => acknowledged.push(`${label} no ack`),
        ),
      ),
    );
    expect(acknowledged).toEqual(frames.map(({ label }) => `${label} true`));
    expect(syncedRevisions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(server.connections.sessions()).toEqual([
      { sessionId: 'early', token: 'test-token', revision: 10, tools: ['tool_10'], connected: true, openInvocations: 0, answered: 0 },
    ]);
    expect(server.connections.stats().framesHandled).toBe(20);
    socket.disconnect();
  });
});
