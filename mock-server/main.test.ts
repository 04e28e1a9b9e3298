import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from './env-options';

const root = resolve(import.meta.dirname, '..');

describe('main', () => {
  it('prints its address once ready and exits cleanly on SIGTERM', async () => {
    const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['mock-server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', PLATOS_MOCK_TOKENS: 'a,b' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    const firstLine = await new Promise<string>((done) =>
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        if (output.includes('\n')) done(output.split('\n')[0]!);
      }),
    );
    expect(firstLine).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = firstLine.slice('listening on '.length);
    expect((await fetch(`${url}/api/threads/t/messages`, { headers: { Authorization: 'Bearer b' } })).status).toBe(200);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});

describe('optionsFromEnv', () => {
  it('reads defaults, the environment and --scenario', () => {
    expect(optionsFromEnv({}, [])).toEqual({ port: 4000, host: '127.0.0.1', tokens: ['dev-token'], replayWindowMs: 30_000, authDelayMs: 0, speed: 1 });
    const options = optionsFromEnv(
      { PORT: '0', PLATOS_MOCK_TOKENS: 'x, y', PLATOS_MOCK_SPEED: '20', PLATOS_SCENARIO: 'env.json', PLATOS_REPLAY_WINDOW_MS: '100' },
      ['--scenario', 'flag.json'],
    );
    expect(options).toMatchObject({ port: 0, tokens: ['x', 'y'], speed: 20, scenarioFile: 'flag.json', replayWindowMs: 100 });
  });

  it('refuses a bad number with the variable name', () => {
    expect(() => optionsFromEnv({ PLATOS_MOCK_SPEED: 'fast' }, [])).toThrow('PLATOS_MOCK_SPEED');
  });
});
