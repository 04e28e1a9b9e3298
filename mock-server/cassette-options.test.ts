import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMockServer } from './create-mock-server.js';
import { optionsFromEnv } from './env-options.js';
import { USAGE } from './usage.js';

const root = resolve(import.meta.dirname, '..');
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'cassette-options-'));
});

async function runMain(args: string[]) {
  const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['mock-server/main.ts', ...args], { cwd: root, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

describe('optionsFromEnv with --cassette and --speed', () => {
  it('reads --cassette, and --speed over PLATOS_MOCK_SPEED, for cassettes and scenarios alike', () => {
    expect(optionsFromEnv({ PLATOS_MOCK_SPEED: '4', PLATOS_SCENARIO: 'env.json' }, ['--cassette', 'session.json', '--speed', '0.5'])).toMatchObject({
      cassetteFile: 'session.json',
      speed: 0.5,
    });
    expect(optionsFromEnv({ PLATOS_SCENARIO: 'env.json' }, ['--cassette', 'session.json'])).not.toHaveProperty('scenarioFile');
    expect(optionsFromEnv({ PLATOS_MOCK_SPEED: '4' }, ['--speed', '0', '--scenario', 'steps.json'])).toMatchObject({ scenarioFile: 'steps.json', speed: 0 });
    expect(optionsFromEnv({ PLATOS_MOCK_SPEED: '4' }, [])).toMatchObject({ speed: 4 });
    expect(optionsFromEnv({}, [])).not.toHaveProperty('cassetteFile');
  });

  it.each([
    [['--cassette'], '--cassette needs a file path'],
    [['--cassette', '--speed', '2'], '--cassette needs a file path'],
    [['--speed'], '--speed needs a number'],
    [['--speed', 'fast'], '--speed must be a number of at least 0, got "fast"'],
    [['--speed', '-1'], '--speed must be a number of at least 0, got "-1"'],
    [['--cassette', 'a.json', '--scenario', 'b.json'], '--cassette and --scenario cannot be used together'],
    [['--cassete', 'a.json'], 'unknown option --cassete'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => optionsFromEnv({}, argv)).toThrow(message);
  });
});

describe('createMockServer with a cassette', () => {
  it('refuses a missing file, a file that is not a cassette, and a cassette without a valid event', async () => {
    const missing = join(directory, 'missing.json');
    await expect(createMockServer({ cassetteFile: missing })).rejects.toThrow(`Cannot read cassette ${missing}: ENOENT`);
    const steps = join(directory, 'steps.json');
    await writeFile(steps, JSON.stringify([{ type: 'text-delta', delta: 'Hi' }]));
    await expect(createMockServer({ cassetteFile: steps })).rejects.toThrow(`Invalid cassette ${steps}: not a cassette`);
    const empty = join(directory, 'empty.json');
    await writeFile(empty, JSON.stringify({ version: 1, recordedAt: '', agentId: 'default', threads: [], commands: [], frames: [{ at: 0, event: { type: 'finish' } }] }));
    await expect(createMockServer({ cassetteFile: empty })).rejects.toThrow(`Invalid cassette ${empty}: it holds no valid event (1 frame left out, the first for frame 0:`);
    await expect(createMockServer({ cassetteFile: empty, scenarioFile: steps })).rejects.toThrow('not a scenario file and a cassette');
  });

  it('stops main with exit code 1 and the reason when the cassette file is missing', async () => {
    const { code, stdout, stderr } = await runMain(['--cassette', 'no-such-cassette.json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^mock server: Cannot read cassette no-such-cassette\.json: ENOENT/);
  });

  it('prints the usage, every flag in it, on --help', async () => {
    const { code, stdout } = await runMain(['--help']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(USAGE);
    for (const flag of ['--scenario FILE', '--cassette FILE', '--speed N', '--faults FILE', '--seed N']) expect(USAGE).toContain(flag);
  });
});
