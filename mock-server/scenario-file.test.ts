import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServerEvent } from '../src/protocol/index.js';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { connectSocket, connected, isFinishOf, okCommand, recordEvents } from './testing/mock-server-harness.js';

const steps = [
  { type: 'text-delta', delta: 'Hello ' },
  { type: 'text-delta', delta: 'from a file.', delayMs: 5 },
  { type: 'tool-call-start', toolCallId: 'call-1', tool: 'lookup' },
  { type: 'tool-call-args', toolCallId: 'call-1', delta: '{"q":1}' },
  { type: 'tool-call-result', toolCallId: 'call-1', result: { answer: 42 } },
  { type: 'approval-pending', approvalId: 'ok', tool: 'send_mail', args: { to: 'team' } },
  { wait: 'approval', approvalId: 'ok' },
  { type: 'finish', finishReason: 'stop', usage: { inputTokens: 3, outputTokens: 4 } },
];

let directory: string;
let server: MockServer;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'mock-scenario-'));
  await writeFile(join(directory, 'good.json'), JSON.stringify(steps));
  server = await createMockServer({ tokens: ['test-token'], speed: 0, scenarioFile: join(directory, 'good.json') });
});
afterAll(() => server.close());

describe('--scenario FILE', () => {
  it('replays the file for every message, filling in the envelope', async () => {
    const socket = connectSocket(server.url);
    const recorder = recordEvents(socket);
    await connected(socket);
    await okCommand(socket, 'thread:subscribe', { threadId: 'file' });
    for (const text of ['echo this is ignored', 'anything']) {
      const { turnId } = await okCommand(socket, 'message:send', { threadId: 'file', clientMessageId: text, text });
      const pending = await recorder.waitFor((event) => event.type === 'approval-pending' && event.turnId === turnId);
      if (pending.type === 'approval-pending') await okCommand(socket, 'approval:respond', { approvalId: pending.approvalId, decision: 'approved' });
      await recorder.waitFor(isFinishOf(turnId));
    }
    const events = recorder.events();
    const types = ['turn-start', ...steps.flatMap((step) => ('type' in step ? [step.type] : [])).slice(0, -1), 'approval-resolved', 'finish'];
    expect(events.map((event) => event.type)).toEqual([...types, ...types]);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events.every((event) => parseServerEvent(event).ok)).toBe(true);
    expect(events.filter((event) => event.type === 'finish')).toMatchObject([{ usage: { inputTokens: 3 } }, { usage: { inputTokens: 3 } }]);
    socket.disconnect();
  });

  it.each([
    ['not an array', { type: 'finish' }, 'JSON array'],
    ['an unknown type', [{ type: 'text' }], 'step 0: "type" must be one of'],
    ['a server-made turn-start', [{ type: 'turn-start', messageId: 'm' }], 'turn-start is emitted by the server'],
    ['a missing field', [{ type: 'text-delta', delta: 'a' }, { type: 'run-update', runId: 'r', status: 'running' }], 'step 1: run-update: progress'],
    ['an unexpected key', [{ type: 'text-delta', delta: 'a', delay: 5 }], 'step 0: text-delta: delay'],
    ['both content and delta', [{ type: 'artifact-updated', artifactId: 'a', version: 2, content: 'x', delta: 'y' }], 'either content or delta'],
  ])('refuses a file with %s at startup', async (_, content, message) => {
    const file = join(directory, 'bad.json');
    await writeFile(file, JSON.stringify(content));
    await expect(createMockServer({ scenarioFile: file })).rejects.toThrow(message);
  });

  it('expires an unanswered approval at expiresAt and lets the turn go on', async () => {
    const file = join(directory, 'expiring.json');
    await writeFile(file, JSON.stringify([
      { type: 'approval-pending', approvalId: 'late', tool: 'deploy', args: {}, expiresInMs: 30 },
      { wait: 'approval', approvalId: 'late' },
      { type: 'text-delta', delta: 'Too late.' },
    ]));
    const expiring = await createMockServer({ tokens: ['test-token'], speed: 0, scenarioFile: file });
    const socket = connectSocket(expiring.url);
    const recorder = recordEvents(socket);
    await connected(socket);
    await okCommand(socket, 'thread:subscribe', { threadId: 'expiring' });
    const { turnId } = await okCommand(socket, 'message:send', { threadId: 'expiring', clientMessageId: 'a', text: 'go' });
    await recorder.waitFor(isFinishOf(turnId));
    expect(recorder.events().map((event) => event.type)).toEqual(['turn-start', 'approval-pending', 'approval-resolved', 'text-delta', 'finish']);
    const [, pending, resolved] = recorder.events();
    expect(resolved).toMatchObject({ decision: 'expired', resolvedBy: 'server' });
    if (pending?.type !== 'approval-pending') throw new Error('expected approval-pending');
    expect(pending.expiresAt).toBeGreaterThan(pending.ts);
    expect(pending.expiresAt).toBeLessThanOrEqual(pending.ts + 30);
    expect(recorder.events().at(-1)).toMatchObject({ finishReason: 'stop' });
    socket.disconnect();
    await expiring.close();
  });

  it('refuses a file that is not JSON', async () => {
    const file = join(directory, 'broken.json');
    await writeFile(file, '[{"type": ');
    await expect(createMockServer({ scenarioFile: file })).rejects.toThrow(`Cannot read scenario file ${file}`);
  });
});
