import { readFileSync } from 'node:fs';
import { flagValue } from '../flag-value.js';
import { parseFaultSchedule, type FaultSchedule } from './fault-schedule.js';

export interface FaultOptions {
  faults?: FaultSchedule;
  faultSeed?: number;
}

/**
 * Reads `--faults FILE` (or `PLATOS_MOCK_FAULTS` with the JSON itself) and `--seed N` (or `PLATOS_MOCK_SEED`).
 * A flag wins over its variable; the seed also replaces the startup schedule's own.
 */
export function faultOptionsFromEnv(
  env: NodeJS.ProcessEnv,
  argv: readonly string[],
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): FaultOptions {
  const seedText = flagValue(argv, '--seed') ?? env['PLATOS_MOCK_SEED'];
  const seed = seedText === undefined || seedText.trim() === '' ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`The seed must be an integer, got "${seedText}"`);
  const schedule = startupSchedule(env, argv, readFile);
  return {
    ...(schedule ? { faults: seed === undefined ? schedule : { ...schedule, seed } } : {}),
    ...(seed === undefined ? {} : { faultSeed: seed }),
  };
}

function startupSchedule(env: NodeJS.ProcessEnv, argv: readonly string[], readFile: (path: string) => string): FaultSchedule | undefined {
  const file = flagValue(argv, '--faults');
  if (file !== undefined) {
    let text: string;
    try {
      text = readFile(file);
    } catch (error) {
      throw new Error(`Cannot read fault schedule ${file}: ${(error as Error).message}`);
    }
    return parsedSchedule(text, file);
  }
  const inline = env['PLATOS_MOCK_FAULTS'];
  return inline === undefined || inline.trim() === '' ? undefined : parsedSchedule(inline, 'PLATOS_MOCK_FAULTS');
}

function parsedSchedule(text: string, source: string): FaultSchedule {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Invalid fault schedule ${source}: not JSON: ${(error as Error).message}`);
  }
  const parsed = parseFaultSchedule(json);
  if (!parsed.ok) throw new Error(`Invalid fault schedule ${source}: ${parsed.reason}`);
  return parsed.schedule;
}
