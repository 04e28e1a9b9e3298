import { parseScenarioFile, type ScenarioStep } from './scenarios/index.js';
import { readJsonFile } from './read-json-file.js';

/** A scenario file's steps, checked; `what` names it in the error ("scenario file", "hostile scenario"). */
export async function readScenarioFile(path: string, what: string): Promise<ScenarioStep[]> {
  const parsed = parseScenarioFile(await readJsonFile(path, what));
  if (!parsed.ok) throw new Error(`Invalid ${what} ${path}: ${parsed.reason}`);
  return parsed.steps;
}
