import { readFile } from 'node:fs/promises';
import { loadHostileCorpus } from './load-hostile-corpus';
import { parseScenarioFile, pickScenario, type Scenario } from './scenarios';

/**
 * How the server picks a message's scenario: the scenario file for every message if there is one, else the
 * built-in scenarios by first word, with the hostile corpus loaded from `hostileDirectory`.
 */
export async function loadScenarioChoice(scenarioFile: string | undefined, hostileDirectory?: string): Promise<(userText: string) => Scenario> {
  if (scenarioFile === undefined) {
    const hostileCorpus = await loadHostileCorpus(hostileDirectory);
    return (userText) => pickScenario(userText, hostileCorpus).scenario;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(scenarioFile, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read scenario file ${scenarioFile}: ${(error as Error).message}`);
  }
  const parsed = parseScenarioFile(json);
  if (!parsed.ok) throw new Error(`Invalid scenario file ${scenarioFile}: ${parsed.reason}`);
  return () => () => parsed.steps;
}
