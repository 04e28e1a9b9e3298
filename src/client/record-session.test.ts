import { afterEach, describe, expect, it } from 'vitest';
import { parseCassette } from '../protocol/cassette.js';
import { builtInScenarios, createTestServer, type TestServer } from '../testing/index.js';
import { recordSession } from './record-session.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

describe('recordSession', () => {
  it('records every event of a batched turn as its own frame, in order, with the commands and their replies', async () => {
    server = createTestServer({ scenario: builtInScenarios.default });
    const recording = recordSession(server.client);
    server.client.threads.watch('t1', () => {});
    await server.idle();
    const { turnId } = await server.client.threads.send('t1', 'Hello');
    await server.idle();
    const approvalId = server.events('t1').find((event) => event.type === 'approval-pending');
    if (approvalId?.type === 'approval-pending') await server.client.respondToApproval(approvalId.approvalId, 'approved');
    await server.idle();

    const cassette = recording.stop();
    expect(server.client.getStats().batchedFrames).toBeGreaterThan(0);
    expect(cassette.frames.map((frame) => frame.event)).toEqual(server.events('t1'));
    expect(cassette.frames.every((frame) => frame.name === undefined)).toBe(true);
    expect(cassette.frames.map((frame) => frame.at)).toEqual([...cassette.frames.map((frame) => frame.at)].sort((a, b) => a - b));
    expect(cassette.threads).toEqual(['t1']);
    expect(cassette.agentId).toBe('default');
    const names = cassette.commands.map((command) => command.name);
    expect(names).toEqual(['thread:subscribe', 'message:send', 'approval:respond']);
    expect(cassette.commands[1]).toMatchObject({ request: { threadId: 't1', text: 'Hello' }, reply: { ok: true, turnId } });
    expect(cassette.commands.every((command) => command.settledAt !== undefined && command.settledAt >= command.at)).toBe(true);
    expect(parseCassette(JSON.parse(JSON.stringify(cassette)))).toEqual({ ok: true, cassette });
  });

  it('stops taking frames at its limit and says the cassette is truncated', async () => {
    server = createTestServer({ scenario: builtInScenarios.default });
    const recording = recordSession(server.client, { maxFrames: 3 });
    server.client.threads.watch('t1', () => {});
    await server.client.threads.send('t1', 'Hello');
    await server.idle();
    expect(recording.frameCount).toBe(3);
    expect(recording.cassette()).toMatchObject({ truncated: true });
    expect(recording.recording).toBe(true);
    recording.stop();
    expect(recording.recording).toBe(false);
  });

  it('keeps a frame the client refused, with its event name, and records a command that failed', async () => {
    server = createTestServer({ scenario: builtInScenarios.default });
    const recording = recordSession(server.client);
    server.client.threads.watch('t1', () => {});
    await server.idle();
    await expect(server.client.respondToApproval('no-such-approval', 'approved')).rejects.toThrow();
    const cassette = recording.stop();
    const failed = cassette.commands.find((command) => command.name === 'approval:respond');
    expect(failed?.error?.code).toBe('approval_not_found');
  });
});

describe('parseCassette', () => {
  it('refuses another version and a file that is not a cassette, saying why', () => {
    expect(parseCassette({ version: 2, frames: [] })).toEqual({ ok: false, reason: expect.stringContaining('version 2 is not supported') });
    expect(parseCassette([{ type: 'text-delta' }])).toMatchObject({ ok: false, reason: expect.stringContaining('not a cassette') });
  });
});
