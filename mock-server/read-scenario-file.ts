import { readFile } from 'node:fs/promises';
import { parseScenarioFile, type ScenarioStep } from './scenarios/index.js';

/** A scenario file's steps, checked; `what` names it in the error ("scenario file", "hostile scenario"). */
export async function readScenarioFile(path: string, what: string): Promise<ScenarioStep[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${what} ${path}: ${(error as Error).message}`);
  }
  const parsed = parseScenarioFile(json);
  if (!parsed.ok) throw new Error(`Invalid ${what} ${path}: ${parsed.reason}`);
  return parsed.steps;
}
