import type { MockServerOptions } from './create-mock-server.js';
import { isLocalOrigin } from './cors.js';
import { faultOptionsFromEnv } from './faults/fault-options.js';
import { flagValue } from './flag-value.js';
import { UsageError } from './usage.js';

const knownFlags = new Set(['--scenario', '--cassette', '--speed', '--faults', '--seed']);

/**
 * Reads the mock server's options from the environment, `--scenario FILE`, `--cassette FILE`, `--speed N`,
 * `--faults FILE` and `--seed N`; any other flag is an error (the usage is in `usage.ts`).
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv, argv: readonly string[]): MockServerOptions {
  const unknownFlag = argv.find((argument) => argument.startsWith('--') && !knownFlags.has(argument));
  if (unknownFlag !== undefined) throw new UsageError(`unknown option ${unknownFlag}`);
  const scenarioFlag = flagValue(argv, '--scenario', 'a file path');
  const cassetteFile = flagValue(argv, '--cassette', 'a file path');
  if (cassetteFile !== undefined && scenarioFlag !== undefined) throw new UsageError('--cassette and --scenario cannot be used together');
  // A cassette replaces the scenarios, so PLATOS_SCENARIO does not apply.
  const scenarioFile = cassetteFile === undefined ? (scenarioFlag ?? env['PLATOS_SCENARIO']) : undefined;
  const speedFlag = flagValue(argv, '--speed', 'a number');
  const extraOrigins = listFrom(env, 'PLATOS_MOCK_ORIGINS');
  return {
    port: numberFrom(env, 'PORT', 4000),
    host: '127.0.0.1',
    tokens: listFrom(env, 'PLATOS_MOCK_TOKENS') ?? ['dev-token'],
    replayWindowMs: numberFrom(env, 'PLATOS_REPLAY_WINDOW_MS', 30_000),
    authDelayMs: numberFrom(env, 'PLATOS_MOCK_AUTH_DELAY_MS', 0),
    clientToolTimeoutMs: numberFrom(env, 'PLATOS_MOCK_CLIENT_TOOL_TIMEOUT_MS', 90_000),
    // The demo runs on these defaults: a ticking entity shows the gateway at work.
    entityTickMs: numberFrom(env, 'PLATOS_MOCK_ENTITY_TICK_MS', 2_000),
    speed: speedFlag === undefined ? numberFrom(env, 'PLATOS_MOCK_SPEED', 1) : checkedNumber('--speed', speedFlag),
    ...(scenarioFile ? { scenarioFile } : {}),
    ...(cassetteFile === undefined ? {} : { cassetteFile }),
    ...(extraOrigins?.length ? { allowedOrigins: localOriginsAnd(checkedOrigins(extraOrigins)) } : {}),
    ...faultOptionsFromEnv(env, argv),
  };
}

/** `PLATOS_MOCK_ORIGINS` adds to the local origins, so the demo and Storybook keep working beside the extra ones. */
function localOriginsAnd(extraOrigins: readonly string[]): (origin: string) => boolean {
  const extra = new Set(extraOrigins);
  return (origin) => isLocalOrigin(origin) || extra.has(origin);
}

/** An origin is compared exactly, so `https://app.example/` (with a path) would never match: refuse it at startup. */
function checkedOrigins(origins: readonly string[]): string[] {
  return origins.map((origin) => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed?.origin !== origin) throw new Error(`PLATOS_MOCK_ORIGINS: "${origin}" is not an origin such as https://app.example:8443`);
    return origin;
  });
}

function listFrom(env: NodeJS.ProcessEnv, name: string): string[] | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  return raw.split(',').map((item) => item.trim()).filter(Boolean);
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return checkedNumber(name, raw);
}

function checkedNumber(name: string, raw: string): number {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of at least 0, got "${raw}"`);
  return value;
}
