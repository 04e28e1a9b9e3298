import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtInScenarios, createTestServer, type TestServer } from '../testing/index.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

describe('what a client shows of itself to devtools', () => {
  it('lists a message typed while unreachable in its outbox until the server acknowledges it', async () => {
    server = createTestServer({ scenario: builtInScenarios.echo });
    server.client.threads.watch('t1', () => {});
    await server.idle();
    server.setReachable(false);
    await vi.waitFor(() => expect(server?.client.connection.getState()).toBe('reconnecting'));

    const sent = server.client.threads.send('t1', 'echo queued', { clientMessageId: 'cm-1' });
    expect(server.client.getOutbox()).toEqual([
      { name: 'message:send', request: { threadId: 't1', clientMessageId: 'cm-1', text: 'echo queued' }, since: expect.any(Number), state: 'waiting', attempts: 0 },
    ]);
    server.setReachable(true);
    await sent;
    expect(server.client.getOutbox()).toEqual([]);
    const states = server.client.connection.history().map((change) => change.state);
    expect(states.slice(0, 2)).toEqual(['connecting', 'open']);
    expect(states).toContain('reconnecting');
    expect(states.at(-1)).toBe('open');
  });

  it('tells an observer each frame and command until it stops observing', async () => {
    server = createTestServer({ scenario: builtInScenarios.echo });
    const frames: string[] = [];
    const commands: string[] = [];
    const stop = server.client.observe({ frame: (name) => frames.push(name), command: (name) => commands.push(name) });
    server.client.threads.watch('t1', () => {});
    await server.idle();
    await server.client.threads.send('t1', 'echo one');
    await server.idle();
    expect(frames).toEqual(server.events('t1').map((event) => event.type));
    expect(commands).toEqual(['thread:subscribe', 'message:send']);

    stop();
    await server.client.threads.send('t1', 'echo two');
    await server.idle();
    expect(commands).toHaveLength(2);
    expect(frames.length).toBeLessThan(server.events('t1').length);
  });
});
