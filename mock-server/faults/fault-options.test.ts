import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../env-options.js';
import { faultOptionsFromEnv } from './fault-options.js';

const root = resolve(import.meta.dirname, '../..');
const schedule = { seed: 3, faults: [{ kind: 'skip', atEvent: 2 }] };
const files = (contents: Record<string, string>) => (path: string) => {
  const text = contents[path];
  if (text === undefined) throw new Error(`ENOENT: ${path}`);
  return text;
};

describe('faultOptionsFromEnv', () => {
  it('is empty without flags or variables', () => {
    expect(faultOptionsFromEnv({}, [])).toEqual({});
  });

  it('reads --faults FILE, and PLATOS_MOCK_FAULTS when there is no flag', () => {
    const readFile = files({ 'f.json': JSON.stringify(schedule) });
    expect(faultOptionsFromEnv({}, ['--faults', 'f.json'], readFile)).toEqual({ faults: schedule });
    expect(faultOptionsFromEnv({ PLATOS_MOCK_FAULTS: JSON.stringify({ faults: [{ kind: 'auth-reject' }] }) }, ['--faults', 'f.json'], readFile)).toEqual({
      faults: schedule,
    });
    expect(faultOptionsFromEnv({ PLATOS_MOCK_FAULTS: JSON.stringify({ faults: [{ kind: 'auth-reject' }] }) }, [])).toEqual({
      faults: { faults: [{ kind: 'auth-reject' }] },
    });
  });

  it('reads --seed N over PLATOS_MOCK_SEED; the seed replaces the startup schedule seed', () => {
    expect(faultOptionsFromEnv({ PLATOS_MOCK_SEED: '11' }, [])).toEqual({ faultSeed: 11 });
    expect(faultOptionsFromEnv({ PLATOS_MOCK_SEED: '11' }, ['--seed', '-4'])).toEqual({ faultSeed: -4 });
    expect(faultOptionsFromEnv({ PLATOS_MOCK_FAULTS: JSON.stringify(schedule) }, ['--seed', '9'])).toEqual({ faults: { ...schedule, seed: 9 }, faultSeed: 9 });
  });

  it('refuses what it cannot use, saying where it came from', () => {
    expect(() => faultOptionsFromEnv({}, ['--faults'])).toThrow('--faults needs a value');
    expect(() => faultOptionsFromEnv({}, ['--faults', 'missing.json'], files({}))).toThrow('Cannot read fault schedule missing.json: ENOENT');
    expect(() => faultOptionsFromEnv({ PLATOS_MOCK_FAULTS: '{oops' }, [])).toThrow('Invalid fault schedule PLATOS_MOCK_FAULTS: not JSON');
    expect(() => faultOptionsFromEnv({ PLATOS_MOCK_FAULTS: '{"faults":[{"kind":"skip"}]}' }, [])).toThrow(
      'Invalid fault schedule PLATOS_MOCK_FAULTS: faults.0: skip: atEvent',
    );
    expect(() => faultOptionsFromEnv({ PLATOS_MOCK_SEED: 'abc' }, [])).toThrow('The seed must be an integer, got "abc"');
  });

  it('is part of optionsFromEnv', () => {
    expect(optionsFromEnv({ PLATOS_MOCK_FAULTS: JSON.stringify(schedule) }, ['--seed', '2'])).toMatchObject({ faults: { ...schedule, seed: 2 }, faultSeed: 2 });
  });
});

describe('npm run mock-server with --faults and --seed', () => {
  it('starts with the schedule active, and refuses an invalid one with the reason', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'platos-faults-'));
    const file = join(directory, 'faults.json');
    writeFileSync(file, JSON.stringify(schedule));
    const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['mock-server/main.ts', '--faults', file, '--seed', '9'], {
      cwd: root,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8');
    let output = '';
    const firstLine = await new Promise<string>((done) =>
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        if (output.includes('\n')) done(output.split('\n')[0]!);
      }),
    );
    const url = firstLine.slice('listening on '.length);
    expect(await (await fetch(`${url}/__faults`)).json()).toMatchObject({ schedule: { ...schedule, seed: 9 }, stats: { total: 0 } });
    child.kill('SIGTERM');
    expect((await once(child, 'exit'))[0]).toBe(0);

    const refused = spawn(resolve(root, 'node_modules/.bin/tsx'), ['mock-server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', PLATOS_MOCK_FAULTS: '{"faults":[{"kind":"drop"}]}' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    refused.stderr.setEncoding('utf8');
    let errors = '';
    refused.stderr.on('data', (chunk: string) => (errors += chunk));
    expect((await once(refused, 'exit'))[0]).toBe(1);
    expect(errors).toContain('mock server: Invalid fault schedule PLATOS_MOCK_FAULTS: faults.0: drop: give exactly one of afterEvents or atMs');
  });
});
