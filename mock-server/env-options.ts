import type { MockServerOptions } from './create-mock-server';
import { faultOptionsFromEnv } from './faults/fault-options';

/** Reads the mock server's options from the environment, `--scenario FILE`, `--faults FILE` and `--seed N`. */
export function optionsFromEnv(env: NodeJS.ProcessEnv, argv: readonly string[]): MockServerOptions {
  const scenarioFlag = argv.indexOf('--scenario');
  const scenarioFile = scenarioFlag >= 0 ? argv[scenarioFlag + 1] : env['PLATOS_SCENARIO'];
  if (scenarioFlag >= 0 && !scenarioFile) throw new Error('--scenario needs a file path');
  return {
    port: numberFrom(env, 'PORT', 4000),
    host: '127.0.0.1',
    tokens: (env['PLATOS_MOCK_TOKENS'] ?? 'dev-token').split(',').map((token) => token.trim()).filter(Boolean),
    replayWindowMs: numberFrom(env, 'PLATOS_REPLAY_WINDOW_MS', 30_000),
    authDelayMs: numberFrom(env, 'PLATOS_MOCK_AUTH_DELAY_MS', 0),
    speed: numberFrom(env, 'PLATOS_MOCK_SPEED', 1),
    ...(scenarioFile ? { scenarioFile } : {}),
    ...faultOptionsFromEnv(env, argv),
  };
}

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of at least 0, got "${raw}"`);
  return value;
}
