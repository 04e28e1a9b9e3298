import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from './env-options.js';
import { USAGE } from './usage.js';

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

  it('exits with 1, the reason and the usage on an unknown flag', async () => {
    const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['mock-server/main.ts', '--casette', 'x.json'], {
      cwd: root,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe('mock server: unknown option --casette');
    expect(stderr).toContain(USAGE);
    expect(stdout).toBe('');
  });
});

describe('optionsFromEnv', () => {
  it('reads defaults, the environment and --scenario', () => {
    expect(optionsFromEnv({}, [])).toEqual({
      port: 4000,
      host: '127.0.0.1',
      tokens: ['dev-token'],
      replayWindowMs: 30_000,
      authDelayMs: 0,
      clientToolTimeoutMs: 90_000,
      entityTickMs: 2_000,
      speed: 1,
    });
    const options = optionsFromEnv(
      {
        PORT: '0',
        PLATOS_MOCK_TOKENS: 'x, y',
        PLATOS_MOCK_SPEED: '20',
        PLATOS_SCENARIO: 'env.json',
        PLATOS_REPLAY_WINDOW_MS: '100',
        PLATOS_MOCK_ENTITY_TICK_MS: '0',
        PLATOS_MOCK_CLIENT_TOOL_TIMEOUT_MS: '500',
      },
      ['--scenario', 'flag.json'],
    );
    expect(options).toMatchObject({ port: 0, tokens: ['x', 'y'], speed: 20, scenarioFile: 'flag.json', replayWindowMs: 100, entityTickMs: 0, clientToolTimeoutMs: 500 });
  });

  it('refuses a bad number with the variable name', () => {
    expect(() => optionsFromEnv({ PLATOS_MOCK_SPEED: 'fast' }, [])).toThrow('PLATOS_MOCK_SPEED');
  });

  it.each([['--casette'], ['--scenario=a.json'], ['--Seed'], ['--speed=2']])('refuses the unknown flag %s', (flag) => {
    expect(() => optionsFromEnv({}, [flag, 'x'])).toThrow(`unknown option ${flag}`);
    expect(() => optionsFromEnv({}, ['--seed', '3', flag])).toThrow(`unknown option ${flag}`);
  });

  it('takes the known flags with their values', () => {
    expect(optionsFromEnv({}, ['--scenario', 'a.json', '--seed', '3'])).toMatchObject({ scenarioFile: 'a.json', faultSeed: 3 });
  });

  it('adds PLATOS_MOCK_ORIGINS to the local origins', () => {
    const { allowedOrigins } = optionsFromEnv({ PLATOS_MOCK_ORIGINS: 'https://app.example, http://10.0.0.5:5173' }, []);
    if (typeof allowedOrigins !== 'function') throw new Error('expected a test of the origin');
    expect(['https://app.example', 'http://10.0.0.5:5173', 'http://localhost:5173', 'http://127.0.0.1'].map(allowedOrigins)).toEqual([true, true, true, true]);
    expect(['https://evil.example', 'https://app.example:8443', 'http://10.0.0.5'].map(allowedOrigins)).toEqual([false, false, false]);
    expect(optionsFromEnv({}, [])).not.toHaveProperty('allowedOrigins');
  });

  it.each(['https://app.example/', 'app.example', '*'])('refuses %j in PLATOS_MOCK_ORIGINS, which is not an origin', (origin) => {
    expect(() => optionsFromEnv({ PLATOS_MOCK_ORIGINS: origin }, [])).toThrow(`PLATOS_MOCK_ORIGINS: "${origin}" is not an origin`);
  });
});
